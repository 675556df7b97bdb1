// Generated from notebooks/04-train-eval.ipynb by tools/NotebookScripts: edit the notebook, not this file,
// then regenerate every script with `dotnet run --project tools/NotebookScripts` (a test fails while they differ).
//
// Run from anywhere in the repository: dotnet run scripts/04-train-eval.cs
// DEEPFM_EPOCHS=1 shortens training and DEEPFM_DATA=path/to/ml-100k.zip reads local data, as in the notebook;
// charts are written to artifacts/scripts/04-train-eval/ (or $DEEPFM_SCRIPT_OUTPUT) as HTML, and PNG with Chromium.
// Step through it in VS Code: the README's "Without notebooks" section.

// The set-up cell's pinned packages, and the tutorial library as a project.
#:package TorchSharp-cpu@0.107.0
#:package Microsoft.Data.Analysis@0.23.1
#:package Plotly.NET@6.0.0
#:package Plotly.NET.CSharp@0.14.0
#:project ../lib/DeepFm.Notebook.Hosting/DeepFm.Notebook.Hosting.csproj
#:project ../lib/DeepFm.Notebook/DeepFm.Notebook.csproj
// Versions pinned above, as in the notebook, rather than by the repository's Directory.Packages.props.
#:property ManagePackageVersionsCentrally=false
// File-based apps default to native AOT publishing, which TorchSharp and Plotly.NET do not support.
#:property PublishAot=false

using static DeepFm.Notebook.Hosting.ScriptOutput;
using DeepFm.Notebook.Parameters;
using DeepFm.Notebook.Training;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Metrics;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using DeepFm.Notebook.Plots;
using DeepFm.Notebook.Recommendations;

Section("# 4. Training and evaluation");
// *模型训练 / 可视化训练Metrics — training, and plotting the training metrics*
//
// Now DeepFM learns. We train it exactly on the [original](https://github.com/LongmaoTeamTf/deep_recommenders/blob/294bbd6f7b8eedf7173cbf89999c41e149035167/experiments/deepfm.ipynb)'s schedule
// and watch AUC and loss on the training and test splits, next to the original's own plots.
//
// **What you will learn here**
// - one training epoch written out: shuffle and batch, forward, `BCEWithLogitsLoss`, `backward()`, TorchSharp's own
//   Adagrad step, and the epoch's loss and AUC — and that `Trainer` computes exactly that;
// - the original's schedule: Adagrad (learning rate 0.1), binary cross-entropy, 100 epochs, batches of 2,048
//   reshuffled every epoch, a validation on the 20,000 test ratings every 5 epochs;
// - how to read the curves: when the model stops improving, and the gap between train and test;
// - how our curves compare with the original's plots, and why they cannot match line for line (how each side measures
//   AUC and loss);
// - how to save the charts, the history and the weights, and how to use the saved model from plain C#;
// - every place where this package differs from the original, in one table.
//
// **Runtime:** the full 100 epochs train in about half a minute on 2 otherwise idle CPU cores (more on a busy machine);
// the training cell prints how long the run shown here took.
//
// **Series:** [1. Data](01-data.ipynb) → [2. Embeddings](02-embeddings.ipynb) → [3. DeepFM](03-deepfm.ipynb) →
// **4. Training and evaluation** → [5. Compare and recommend](05-compare-and-recommend.ipynb) →
// [6. Beyond the original](06-beyond-the-original.ipynb) →
// [7. From rating prediction to recommendation](07-from-ratings-to-recommendations.ipynb)

// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native
// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as
// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.
Start("04-train-eval");

Section("## Parameters");
// The original's values. `epochs` can be lowered without editing the notebook with the environment variable
// `DEEPFM_EPOCHS` (the notebook tests set it to 1); the outputs committed here come from the full 100 epochs.
// Same seed and same thread count give the same numbers, run after run.

string? dataPath = NotebookParameters.DataPath();   // DEEPFM_DATA if set, else null: the download cache (notebook 1)
var options = new TrainerOptions
{
    Epochs = NotebookParameters.Epochs(fullRun: 100),
    TrainBatchSize = 2048,
    TestBatchSize = 4096,
    ValidateEvery = 5,
    LearningRate = 0.1,        // Adagrad, with Keras' initial accumulator 0.1 and epsilon 1e-7
    Seed = 42,                 // weights, and the per-epoch shuffles (seed + epoch)
    Threads = 2,               // fixed, so the history is reproducible on any machine
};
Show(options);

Section("## Data and model, as in notebooks 1–3");

var features = MovieLensFeatures.Build(MovieLens100k.Load(dataPath));
var split = features.Split(seed: 42);
var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, options.Seed);
Show($"{split.Train.Count:N0} training and {split.Test.Count:N0} test ratings; {model.ParameterCount:N0} parameters");

Section("## One epoch, written out (模型训练)");
// Before handing the schedule to the library's trainer, we write its first epoch out with TorchSharp's own pieces,
// on a second model built with the same seed (the trainer gets the first one, untouched). For every batch of 2,048
// shuffled ratings: the logits, the loss
// $\mathcal{L} = -\frac{1}{B} \sum_i \big[ y_i \log \sigma(z_i) + (1 - y_i) \log(1 - \sigma(z_i)) \big]$ with
// `BCEWithLogitsLoss`, `backward()`, and an Adagrad step, which scales each parameter's step by its own gradient
// history:
//
// $$ G_t = G_{t-1} + g_t^2, \qquad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{G_t} + \epsilon} \, g_t $$
//
// with Keras' initial accumulator $G_0 = 0.1$ and $\epsilon = 10^{-7}$. Rarely seen users and movies keep large steps,
// frequent ones get smaller steps — a good fit for embeddings. Each step runs inside `torch.NewDisposeScope()`, so no
// tensor outlives its batch. The epoch's loss and AUC are computed once, over all 80,000 logits the model produced
// during the pass ([`LogLoss`](../lib/DeepFm.Notebook/Metrics/LogLoss.cs),
// [`RocAuc`](../lib/DeepFm.Notebook/Metrics/RocAuc.cs)).
//
// One line is there only for TorchSharp 0.107: `torchRuntime.BetweenSteps()` keeps the .NET garbage collector from
// running during a step, because that version can finalize a temporary `Scalar` (the hidden `alpha = 1` of `a + b`,
// Adagrad's own arguments) while libtorch still reads it, and the run then dies at random
// ([`TorchRuntime`](../lib/DeepFm.Notebook.Hosting/Runtime/TorchRuntime.cs) explains it; it also sets the thread count
// for the loop and puts it back afterwards, as `Trainer.Fit` does).

var handModel = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, options.Seed);   // same seed: same weights
var adagrad = optim.Adagrad(handModel.parameters(), lr: options.LearningRate,
    initial_accumulator_value: options.InitialAccumulator, eps: options.Epsilon);       // 0.1, 0.1 and 1e-7
var lossFunction = nn.BCEWithLogitsLoss();
var epochLogits = new List<float>();
var epochLabels = new List<float>();
handModel.train();
int firstEpoch = 1;
using (var torchRuntime = TorchRuntime.Open(threads: options.Threads))
using (var epochScope = torch.NewDisposeScope())   // also frees the batches the split hands out
{
    foreach (var batch in split.Train.Batches(options.TrainBatchSize, shuffleSeed: options.Seed + firstEpoch))
    {
        torchRuntime.BetweenSteps();   // TorchSharp 0.107: no garbage collection while libtorch reads a Scalar
        using var stepScope = torch.NewDisposeScope();
        adagrad.zero_grad();
        var logits = handModel.call(batch.Categorical, batch.TitleTokens);   // [B]
        var loss = lossFunction.call(logits, batch.Labels);                  // mean over the batch
        loss.backward();
        adagrad.step();
        epochLogits.AddRange(logits.detach().data<float>());   // the logits before this batch's own update
        epochLabels.AddRange(batch.Labels.data<float>());
    }
}
double handLoss = LogLoss.FromLogits(epochLogits.ToArray(), epochLabels.ToArray());
double handAuc = RocAuc.Compute(epochLogits.ToArray(), epochLabels.ToArray());
Show($"epoch 1, written out: {epochLogits.Count:N0} ratings, mean loss {handLoss:F6}, AUC {handAuc:F6}");

Section("## The trainer: epoch 1 again, then the whole schedule");
// [`Trainer`](../lib/DeepFm.Notebook/Training/Trainer.cs) runs that same loop for every epoch and adds what a real run
// needs: a validation on the test split every 5 epochs and after the last (under `torch.no_grad()`, with the model in
// `eval()` mode), determinism (the weights from `Seed`, epoch $e$'s shuffle from `Seed + e`, a fixed thread count), a
// faster optimiser ([`FlatAdagrad`](../lib/DeepFm.Notebook/Training/FlatAdagrad.cs): the same update as `optim.Adagrad`,
// on all 421,949 weights in one buffer, four tensor operations a step instead of about seventy), the garbage-collection
// guard around every step, a check that stops a diverging run with advice, early stopping and best-weights options,
// and progress reports — here one line per validation:

var trainer = new Trainer(model, options);
var history = trainer.Fit(split.Train, split.Test, new ValidationLog());
Console.WriteLine($"{history.Epochs.Count} epochs: {trainer.TrainingTime.TotalSeconds:F1} s of training and " +
    $"{trainer.EvaluationTime.TotalSeconds:F1} s of validation on {options.Threads} threads (this run, this machine)");

// Epoch 1 of that run against the epoch we wrote out. `FlatAdagrad` and `optim.Adagrad` compute the same update in a
// different order of floating-point operations (they agree to about $10^{-6}$ per step), so the two may differ in the
// last digits; the next cell **throws** if the loss or the AUC differ by more than $10^{-5}$ (a learning rate 1 %
// off already moves them by about $10^{-4}$):

double tolerance = 1e-5;
var trainerEpoch1 = history.Epochs[0];
double lossGap = Math.Abs(trainerEpoch1.TrainLoss - handLoss), aucGap = Math.Abs(trainerEpoch1.TrainAuc - handAuc);
if (lossGap > tolerance || aucGap > tolerance)
    throw new InvalidOperationException($"The written-out epoch is not the Trainer's: loss {handLoss:F6} vs " +
        $"{trainerEpoch1.TrainLoss:F6}, AUC {handAuc:F6} vs {trainerEpoch1.TrainAuc:F6} (tolerance {tolerance:G1}).");
Console.WriteLine($"epoch 1         mean loss   AUC");
Console.WriteLine($"written out     {handLoss:F6}    {handAuc:F6}");
Console.WriteLine($"Trainer         {trainerEpoch1.TrainLoss:F6}    {trainerEpoch1.TrainAuc:F6}");
Console.WriteLine($"difference      {lossGap:0.0E+0}     {aucGap:0.0E+0}    (tolerance {tolerance:0E+0})");

// The original ends by printing the last validation AUC to two decimals, `val-auc accuracy: …`. Its notebook was
// committed without outputs, so its numbers below are read off its AUC plot
// ([assets/original](../assets/original/README.md) says how, and gives every reading). This table is the one the
// repository's README quotes:

var lastValidation = history.LastValidated!;
var best = history.Best!;
Show($"val-auc accuracy: {lastValidation.ValidationAuc:F2}.");   // the original's last line, for our run

Show(new DataFrame(
    new StringDataFrameColumn("run",
        ["this package (TorchSharp, seed 42)", "original (TensorFlow, read off its plot)"]),
    new StringDataFrameColumn("epochs", [$"{history.Epochs.Count}", "100"]),
    new StringDataFrameColumn("last validation AUC",
        [$"{lastValidation.ValidationAuc:F4} (epoch {lastValidation.Epoch})", "≈ 0.768 (epoch 100)"]),
    new StringDataFrameColumn("best validation AUC", [$"{best.ValidationAuc:F4} (epoch {best.Epoch})", "—"]),
    new StringDataFrameColumn("train AUC, last epoch", [$"{history.Last!.TrainAuc:F4}", "≈ 0.826"])));

Section("## The curves (可视化训练Metrics)");
// The training AUC keeps climbing while the test AUC flattens out after about 40–60 epochs: the model starts to
// memorise users and movies rather than learn what generalises. Under each of our charts is the original's plot of the
// same quantity, unchanged from its repository (Apache-2.0; source, commit and licence in
// [assets/original](../assets/original/README.md)).

var aucChart = TrainingCharts.Auc(history, "AUC vs epoch");
Show(aucChart);

// The original's AUC plot (TensorFlow; blue: train, orange: test):
//
// ![The original tutorial's AUC vs epoch, train and test](../assets/original/deepfm_auc.png)
//
// Compare the test curves (orange there, the *test* line here). Both start near 0.61 at epoch 5, climb at the same
// pace, and level off around 0.76–0.77 from about epoch 60, while the training AUC keeps rising to about 0.82–0.83.
// They cannot be identical: the two test splits hold different ratings (notebook 1), and the two sides measure AUC
// differently (below). The table puts the numbers side by side at a few epochs:

// The original's test AUC, read off its plot (assets/original/README.md), next to ours at the same epochs.
var originalTestAuc = new Dictionary<int, string>
{
    [5] = "≈ 0.61", [10] = "≈ 0.660", [20] = "≈ 0.712", [40] = "≈ 0.753", [60] = "≈ 0.764", [80] = "≈ 0.767",
    [100] = "≈ 0.768",
};
var sideBySide = history.Epochs
    .Where(record => record.ValidationAuc is not null && originalTestAuc.ContainsKey(record.Epoch)).ToList();
Show(new DataFrame(
    new Int32DataFrameColumn("epoch", sideBySide.Select(record => record.Epoch)),
    new StringDataFrameColumn("original test AUC", sideBySide.Select(record => originalTestAuc[record.Epoch])),
    new StringDataFrameColumn("our test AUC", sideBySide.Select(record => $"{record.ValidationAuc:F4}"))));

// Our log-loss per epoch, training (every epoch) and test (every validation):

var lossChart = TrainingCharts.Loss(history, "Log-loss vs epoch");
Show(lossChart);

// The original's loss plot:
//
// ![The original tutorial's loss vs epoch, train and test](../assets/original/deepfm_loss.png)

Section("### How the two sides measure AUC and loss");
// This is the one place the series explains it; the table at the end lists it with the other differences.
//
// - **AUC.** Keras' `AUC()` sorts the predictions into 200 threshold buckets and approximates the area under the ROC
//   curve. We compute it exactly, by rank (Mann–Whitney, tied scores averaged), over every row of the epoch or of the
//   test split. At this size the two differ little, but ours has no discretisation error.
// - **Loss.** The original logs the loss of the **last batch** of each pass: 128 training ratings
//   (80,000 = 39 × 2,048 + 128) and the same 3,616 test ratings every time (20,000 = 4 × 4,096 + 3,616). A mean over
//   128 ratings swings by several hundredths from one epoch to the next, so the original's training loss jumps between
//   ≈ 0.44 and ≈ 0.67. We log the mean over all rows.
//
// So **our training loss is smooth**: each point is the mean over all 80,000 ratings of an epoch, spread over its 40
// steps. **Our test loss is not**: each point is one snapshot of the weights, and log-loss, unlike AUC, also pays for
// probabilities that are off as a whole (too high, too low, too sure), which moves back and forth from one
// validation to the next while the ranking keeps improving. The log above shows it: from epoch 20 to 25 the test AUC
// rises from 0.7126 to 0.7276 while the test loss goes from 0.6151 up to 0.6167. Compare levels, not wiggles: both
// test losses start near 0.67 at epoch 5 and stay between about 0.57 and 0.61 after epoch 60.

Section("## Saved assets");
// The original saves `assets/deepfm_auc.png` and `assets/deepfm_loss.png`. We save those, self-contained HTML versions
// (plotly.js embedded, so they open offline), and the history as `assets/deepfm_history.csv`, one row per epoch
// ([`TrainingHistoryCsv`](../lib/DeepFm.Notebook/Training/TrainingHistoryCsv.cs); the validation columns are empty
// between validations). PNGs are rendered by headless Chromium (`apt-get install chromium`, or set
// `DEEPFM_CHROMIUM`). The model's weights go to `artifacts/`, which git ignores
// ([`ModelCheckpoint`](../lib/DeepFm.Notebook/Training/ModelCheckpoint.cs)).

var assets = NotebookParameters.AssetsFolder();
var saved = new List<string>();
foreach (var (name, chart) in new[] { ("deepfm_auc", aucChart), ("deepfm_loss", lossChart) })
{
    ChartExport.SaveHtml(chart, Path.Combine(assets, name + ".html"));
    saved.Add($"assets/{name}.html");
    // Without a browser the PNG is skipped (and the committed one kept), so it is listed only when written.
    if (ChartExport.SavePng(chart, Path.Combine(assets, name + ".png"), width: 900, height: 500) is not null)
        saved.Add($"assets/{name}.png");
}
TrainingHistoryCsv.Save(history, Path.Combine(assets, "deepfm_history.csv"));
saved.Add("assets/deepfm_history.csv");
var checkpointPath = Path.Combine("artifacts", "deepfm-movielens100k.bin");
ModelCheckpoint.Save(model, checkpointPath);
saved.Add("artifacts/deepfm-movielens100k.bin");
Console.WriteLine("saved:");
saved.ForEach(file => Console.WriteLine($"  {file}"));

Section("## Using the trained model from plain C#");
// The checkpoint holds weights only. To use it, build a fresh model the same way (same schema and options; the seed
// does not matter, the weights are replaced) and load it: `ModelCheckpoint.Load` checks that every shape fits and
// switches the model to evaluation mode. [`MovieRecommender`](../lib/DeepFm.Notebook/Recommendations/MovieRecommender.cs)
// then scores, for one user, every movie they have not rated: P(4 or 5 stars). In a program of your own it takes five
// lines; the console sample [`samples/Predict`](../samples/Predict/Program.cs) does exactly this from the command line:
//
// ```csharp
// var movieLens = MovieLens100k.Load();   // the download cache; or Load("path/to/ml-100k.zip")
// var features = MovieLensFeatures.Build(movieLens);
// var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 0);
// ModelCheckpoint.Load(model, "artifacts/deepfm-movielens100k.bin");
// Console.WriteLine(new MovieRecommender(model, features, movieLens).Recommend("1", k: 5));
// ```
//
// Here, the loaded model first shows that it predicts what the trained one does, on the test split's first batch:

var loaded = ModelCheckpoint.Load(new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 0), checkpointPath);
using (var testBatch = split.Test.Batches(4096).First())
{
    bool same = loaded.Predict(testBatch).allclose(model.Predict(testBatch));
    Console.WriteLine($"same predictions as the trained model: {same}");
}

// Then the five lines' last step: the five movies user 1 has not rated that the loaded model rates highest.

var movieLens = MovieLens100k.Load(dataPath);
Show(new MovieRecommender(loaded, features, movieLens).Recommend("1", k: 5));

Section("## From the original to this package");
// The notebooks reproduce the [original](https://github.com/LongmaoTeamTf/deep_recommenders/blob/294bbd6f7b8eedf7173cbf89999c41e149035167/experiments/deepfm.ipynb)'s data, model and schedule. Where this package does something
// differently, it is one of these, each checked against the original's code and ours:
//
// | the original (TensorFlow / Keras) | this package (TorchSharp) | why, and what changes | where |
// |---|---|---|---|
// | two sub-models, `UserModel` (user id, gender, age bucket, occupation) and `MovieModel` (movie id, title), each building a dense `embedding_column` and a one-hot `indicator_column` per field | notebook 3 writes the same user and movie parts; the library's `DeepFmModel` reads one `FeatureSchema` (the five categorical fields and the title): `FieldEmbeddings` holds a 32-d vector for every value of every field, `FirstOrderWeights` one weight per value, `MaskedTitleEmbedding` the title | one place to read the fields, looked up by index instead of multiplied by one-hot vectors; the same 421,949 parameters | notebooks 2, 3 |
// | `Add()` then `Activation("sigmoid")`; loss `BinaryCrossentropy()` on the probability | `forward` returns the logit; loss `BCEWithLogitsLoss`; `Predict` applies the sigmoid | the same maths, computed without Keras' clipping of the probability to [1e-7, 1 − 1e-7] | notebooks 3, 4 |
// | `TextVectorization` inside the model pads each batch's titles to that batch's longest title | `TitleVectorizer` tokenises every title once, padded to 16 tokens (the longest ML-100k title), and the mean skips padding | the mask makes the title vector the same at any padding length, so one fixed shape serves every batch | notebooks 1, 2 |
// | `tf.keras.metrics.AUC()`: 200 thresholds, an approximation | exact rank AUC (Mann–Whitney) over every row | no discretisation error; see *How the two sides measure AUC and loss* above | notebook 4 |
// | logged loss = the **last batch's** loss: 128 training ratings, 3,616 test ratings | logged loss = the **mean over every row** of the epoch or of the test split | why the original's training loss is jagged and ours is not: the same section above | notebook 4 |
// | Keras `Adagrad(0.1)`: initial accumulator 0.1, ε = 1e-7 | `FlatAdagrad`: the same update on one buffer holding every weight | faster; equal to TorchSharp's `optim.Adagrad` to about 1e-6 a step (epoch 1 above) | notebook 4 |
// | `validation_freq=5`: validates at epochs 5, 10, …; when `epochs` is not a multiple of 5 the last epochs are never validated | every 5 epochs **and after the last epoch** | a short run (`--epochs 1`, the notebook tests) still reports a test AUC; with 100 epochs the two agree | notebook 4 |
// | `tf.random.set_seed(42)`; TensorFlow's generator shuffles the split (`seed=42`) and reshuffles the training batches every epoch | `SeededShuffle` (Fisher–Yates driven by SplitMix64): the split with seed 42, epoch *e*'s batches with seed `Seed + e` | TensorFlow's order cannot be reproduced outside TensorFlow: the same sizes and the same role for the seed, but other rows in each split; ours is the same on every machine | notebooks 1, 4 |

Section("## What the result means");
// After 100 epochs DeepFM ranks a random positive rating above a random negative one about 77% of the time on ratings
// it has never seen (the last validation AUC in the table above), as the original TensorFlow tutorial does (≈ 0.768
// read off its plot). The training AUC is higher (about 0.82): the gap is what the model memorised.

Section("## Summary");
// - One epoch written out — shuffled batches, forward, `BCEWithLogitsLoss`, `backward()`, `optim.Adagrad` — gives the
//   loss and AUC that `Trainer` reports for epoch 1; the trainer adds validation, determinism, a faster Adagrad and
//   progress.
// - The original's schedule (Adagrad 0.1, 100 epochs, batches 2,048 / 4,096, validation every 5 epochs) reaches a
//   test AUC of about 0.77, like the TensorFlow original; the test curves of the two match closely.
// - Our AUC is exact and our loss a mean over every rating, so our training loss is smooth; the test loss, a snapshot
//   that also pays for calibration, zigzags while the test AUC climbs.
// - The test AUC plateaus after ~60 epochs while the train AUC keeps rising: more epochs only memorise.
// - The charts are saved as PNG (for GitHub) and self-contained HTML, the history as CSV, the weights as a
//   checkpoint that five lines of C# load and use.

Section("## Exercises");
// 1. Set `EarlyStoppingPatience = 3` and `KeepBestCheckpoint = true` in the options: at which epoch does training stop,
//    and what is the test AUC of the kept weights?
// 2. Train with `LearningRate = 0.05` and `0.2`: how do the curves change?
// 3. Run twice with the same options: is `history.ToDataFrame()` identical? Change `Threads` and compare again.
// 4. Swap `optim.Adagrad` for `optim.Adam(handModel.parameters(), lr: 0.001)` in the written-out epoch: how do the
//    loss and AUC of epoch 1 change?
//
// **Next:** [5. Compare and recommend](05-compare-and-recommend.ipynb) asks how much each part of DeepFM adds, and
// uses the trained model to recommend movies.
