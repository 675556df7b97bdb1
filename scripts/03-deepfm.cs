// Generated from notebooks/03-deepfm.ipynb by tools/NotebookScripts: edit the notebook, not this file,
// then regenerate every script with `dotnet run --project tools/NotebookScripts` (a test fails while they differ).
//
// Run from anywhere in the repository: dotnet run scripts/03-deepfm.cs
// DEEPFM_EPOCHS=1 shortens training and DEEPFM_DATA=path/to/ml-100k.zip reads local data, as in the notebook;
// charts are written to artifacts/scripts/03-deepfm/ (or $DEEPFM_SCRIPT_OUTPUT) as HTML, and PNG with Chromium.
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
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

Section("# 3. DeepFM: FM + DNN over shared embeddings");
// *构建 DeepFM 模型 — building the DeepFM model*
//
// DeepFM (Guo et al., 2017, [arXiv:1703.04247](https://arxiv.org/abs/1703.04247)) predicts a click — here, a 4–5 star
// rating — as the sigmoid of a sum of three parts that all read the same inputs:
//
// $$ \hat{y} = \sigma\big(\, y_{\text{first}} + y_{\text{FM}} + y_{\text{DNN}} \,\big) $$
//
// the **first-order** weights of notebook 2, a **factorization machine** that scores every pair of fields, and a
// **deep network** over all fields at once. FM and DNN share the dense embeddings: one vector per user, movie, age
// bucket… serves both.
//
// **What you will learn here**
// - the FM's pairwise term and the rewrite that makes it linear in the number of fields;
// - the DNN part (192 → 64 → 32 → 1) and how Keras initialises it;
// - DeepFM written out in TorchSharp (a user part, a movie part and `DeepFM`, whose `forward` adds the three logits),
//   checked against the library's `DeepFmModel` that the rest of the series uses.
//
// **Series:** [1. Data](01-data.ipynb) → [2. Embeddings](02-embeddings.ipynb) → **3. DeepFM** →
// [4. Training and evaluation](04-train-eval.ipynb) → [5. Compare and recommend](05-compare-and-recommend.ipynb) →
// [6. Beyond the original](06-beyond-the-original.ipynb) →
// [7. From rating prediction to recommendation](07-from-ratings-to-recommendations.ipynb)

// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native
// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as
// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.
Start("03-deepfm");

Section("## Parameters");

string? dataPath = NotebookParameters.DataPath();   // DEEPFM_DATA if set, else null: the download cache (notebook 1)
int seed = 42;

var features = MovieLensFeatures.Build(MovieLens100k.Load(dataPath));
var split = features.Split();
var batch = split.Train.Batches(2048, shuffleSeed: seed).First();
Show($"one training batch: {batch.Count} ratings");

Section("## The factorization machine (FM)");
// With $F$ dense field vectors $v_1, \dots, v_F \in \mathbb{R}^D$ of one example (here $F = 6$), the FM's second-order
// term is the sum of all pairwise dot products:
//
// $$ y_{\text{FM}} = \sum_{i=1}^{F} \sum_{j=i+1}^{F} \langle v_i, v_j \rangle $$
//
// Summed pair by pair that is $O(F^2 D)$. Rendle's rewrite makes it $O(F D)$: the square of the sum contains every
// pair twice plus every square once, so
//
// $$ \sum_{i<j} \langle v_i, v_j \rangle = \frac{1}{2} \sum_{d=1}^{D} \Big[ \Big(\sum_{i=1}^{F} v_{i,d}\Big)^2 - \sum_{i=1}^{F} v_{i,d}^2 \Big] $$
//
// [`FactorizationMachine`](../lib/DeepFm.Notebook/Model/FactorizationMachine.cs) is that right-hand side — the original's `FM(factors=None)`, with no weights of its own.
// Both sides on random vectors:

var fm = new FactorizationMachine();
var fields = torch.randn(3, 6, 32, dtype: float64, generator: new Generator(7));   // [B, F, D], random but repeatable

var linearTime = fm.call(fields);                     // [B, 1]
var pairByPair = torch.zeros(3, 1, dtype: float64);
for (int i = 0; i < 6; i++)
    for (int j = i + 1; j < 6; j++)
        pairByPair += (fields[.., i] * fields[.., j]).sum(dim: 1, keepdim: true);
string Numbers(Tensor values) => values.squeeze(1).ToString(TorchSharp.TensorStringStyle.Numpy);
Console.WriteLine($"FM rewrite    {Numbers(linearTime)}");
Console.WriteLine($"pair by pair  {Numbers(pairByPair)}");
Console.WriteLine($"equal: {linearTime.allclose(pairByPair)}");

Section("## The deep part (DNN)");
// The DNN sees the six dense vectors flattened into one $6 \times 32 = 192$-wide input and learns interactions of any
// order. The original's layers are `Dense(64, relu)`, `Dense(32, relu)`, `Dense(1)`, with Keras' defaults:
// Glorot-uniform weights and zero biases. [`Mlp`](../lib/DeepFm.Notebook/Model/Mlp.cs) builds the same:

var mlp = new Mlp(inputWidth: 6 * 32, hiddenUnits: [64, 32], generator: new Generator(42));
var mlpParameters = mlp.named_parameters().ToList();
Show(new DataFrame(
    new StringDataFrameColumn("parameter", mlpParameters.Select(p => p.name)),
    new StringDataFrameColumn("shape", mlpParameters.Select(p => $"[{string.Join(", ", p.parameter.shape)}]"))));

Section("## DeepFM in three modules");
// ![DeepFM: fields → shared embeddings → first order, FM and DNN → sum → σ](../assets/diagrams/deepfm_model.svg)
//
// The original defines three Keras classes: `UserModel` (the user's fields as embeddings), `MovieModel` (the movie id
// and its title) and `DeepFM`, which puts the two parts' embeddings side by side and adds three logits. We write the
// same three as TorchSharp modules, in TorchSharp's own template: submodules in private fields in the order `forward`
// calls them, `RegisterComponents()` last, `forward` computes and returns the logit. The layers come from the library
// (notebook 2 met them):
//
// - [`FieldEmbeddings`](../lib/DeepFm.Notebook/Model/FieldEmbeddings.cs): one 32-vector per value of each categorical
//   field, int64 $[B, F]$ → $[B, F, 32]$ (one table, a block per field);
// - [`MaskedTitleEmbedding`](../lib/DeepFm.Notebook/Model/MaskedTitleEmbedding.cs): the mean of a title's token
//   vectors, padding skipped, $[B, L]$ → $[B, 32]$;
// - [`FirstOrderWeights`](../lib/DeepFm.Notebook/Model/FirstOrderWeights.cs): one number per value of each field,
//   summed, plus a bias, $[B, F]$ → $[B, 1]$;
// - `FactorizationMachine` and `Mlp` from the two sections above.
//
// The user part turns the user's four fields into four vectors:

// The movie part gives two: the movie id's vector and the mean of its title's token vectors.

// `DeepFM` stacks the six vectors $v_1, \dots, v_6$ into one $[B, 6, 32]$ input and reads it three ways:
//
// $$ \text{logit} = \underbrace{b + \textstyle\sum_f w_{f,\,x_f}}_{\text{first order}}
//  + \underbrace{\textstyle\sum_{i<j} \langle v_i, v_j \rangle}_{\text{FM}}
//  + \underbrace{\text{MLP}(v_1 \oplus \dots \oplus v_6)}_{\text{DNN}}, \qquad \hat{y} = \sigma(\text{logit}) $$
//
// **The FM's latent vectors are the shared embedding rows.** Rendle's FM learns one latent vector per feature value;
// in DeepFM that vector *is* the value's row in the embedding tables above — the same rows the DNN reads. That is why
// `FactorizationMachine` has no weights of its own: it only multiplies the vectors the embeddings hand it, and its
// gradient flows back into them.
//
// All weights are drawn from one generator seeded with `seed`, in the library's order (user fields, movie id, title,
// first order, DNN), so the same seed gives the same numbers as the library's model. `forward` returns the logit; the
// sigmoid is applied only when we want a probability (training uses `BCEWithLogitsLoss`, notebook 4).

Section("### Is it the library's model?");
// The rest of the series uses the library's
// [`DeepFmModel`](../lib/DeepFm.Notebook/Model/DeepFmModel.cs). The next cell builds it and the `DeepFM` above with
// the same seed, and **throws** unless both have 421,949 parameters and give the same logits on the real batch (up to
// $10^{-5}$; the library averages each distinct title once per batch, which may round differently in the last bit):

var written = new DeepFM(features.Schema, dimension: 32, seed);
var library = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed);
long writtenParameters = written.parameters().Sum(parameter => parameter.numel());
float largestDifference;
using (torch.no_grad())
{
    var writtenLogits = written.call(batch.Categorical, batch.TitleTokens);    // [B]
    var libraryLogits = library.call(batch.Categorical, batch.TitleTokens);    // [B]
    largestDifference = (writtenLogits - libraryLogits).abs().max().item<float>();
}
if (writtenParameters != 421_949 || writtenParameters != library.ParameterCount || largestDifference > 1e-5f)
    throw new InvalidOperationException($"The DeepFM written here is not the library's: {writtenParameters:N0} " +
        $"vs {library.ParameterCount:N0} parameters, logits up to {largestDifference:G3} apart.");
Show($"same model: {writtenParameters:N0} parameters in both, and on the {batch.Count:N0} ratings of the batch " +
$"the logits differ by at most {largestDifference:G2}");

Section("## From here on: `DeepFmModel`");
// `DeepFmModel` is the model we just wrote, with what a library needs around it: `DeepFmOptions` switches parts off
// (the LR, FM and DNN of notebook 5), the title is averaged once per distinct movie of a batch (the same numbers, less
// work), every batch's indices are checked once where it enters (an error names the field), and `Parts` and
// `DenseFieldEmbeddings` let a reader look inside. This notebook and notebooks 4–6 use it. Its five modules, in the
// order `forward` calls them:
//
// 1. `fieldEmbeddings` and `titleEmbedding` build the shared dense input $[B, 6, 32]$;
// 2. `firstOrderWeights` gives $y_{\text{first}}$ from the categorical indices;
// 3. `factorizationMachine` gives $y_{\text{FM}}$ from the dense input;
// 4. `mlp` gives $y_{\text{DNN}}$ from the flattened dense input.
//
// Field sizes come from the data's vocabularies:

var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed);
Show(model.Options.ToString());

Section("### Summary table");
// Output shapes measured on the real batch (B = 2,048) and parameters per module:

Show(ModelSummary.Of(model, batch));

// 421,949 parameters, exactly the original Keras model on ML-100k:
// $32 \cdot 2651$ (field embeddings) $+ \; 10000 \cdot 32$ (title) $+ \; 2651 + 1$ (first order)
// $+ \; (192 \cdot 64 + 64) + (64 \cdot 32 + 32) + (32 + 1)$ (DNN). Three quarters of them are the title's token table.

Section("## One forward pass on real data");
// The untrained model's probabilities mean nothing yet, and they are not all near 0.5: random embeddings already give
// FM and DNN logits of a fair size, so they spread on both sides (the cell prints their range). What matters here is
// the shapes, and that the three parts add up:

var logits = model.call(batch.Categorical, batch.TitleTokens);   // [B]
var probabilities = model.Predict(batch);                         // [B], sigmoid(logits)
Show($"logits [{string.Join(", ", logits.shape)}], first five {logits[..5].ToString(TorchSharp.TensorStringStyle.Numpy)}; " +
$"probabilities from {probabilities.min().item<float>():F3} to {probabilities.max().item<float>():F3}");

// What the FM and the DNN read: the dense field vectors of every example, one row per field.
var dense = model.DenseFieldEmbeddings(batch);   // [B, 6, 32]
Show($"dense input [{string.Join(", ", dense.shape)}], rows: {string.Join(", ", features.Schema.DenseFieldNames)}");

// The model's three logits on three examples of the batch, part by part, beside the model's own logit:

var categorical = batch.Categorical[..3];
var title = batch.TitleTokens[..3];
var parts = model.Parts(categorical, title);                        // first order, FM, DNN: each [3]

float[] Values(Tensor t) => t.detach().data<float>().ToArray();
Show(new DataFrame(
    new SingleDataFrameColumn("first order", Values(parts.FirstOrder!)),
    new SingleDataFrameColumn("FM", Values(parts.Fm!)),
    new SingleDataFrameColumn("DNN", Values(parts.Dnn!)),
    new SingleDataFrameColumn("sum", Values(parts.FirstOrder! + parts.Fm! + parts.Dnn!)),
    new SingleDataFrameColumn("model logit", Values(model.call(categorical, title)))));

Section("## Summary");
// - DeepFM's logit is first order + FM + DNN; the FM and DNN share the six dense field embeddings — the FM's latent
//   vectors *are* those embedding rows, so the FM layer has no weights of its own.
// - The FM's pairwise term is computed in $O(FD)$ as half the difference of "square of sum" and "sum of squares".
// - The DNN is 192 → 64 → 32 → 1 with ReLU, Glorot-uniform weights and zero biases, as in Keras.
// - Written out as a user part, a movie part and `DeepFM` from the library's layers, the model is the library's
//   `DeepFmModel`: same 421,949 parameters (the original's count), same logits for the same seed.
// - `forward` returns logits, `Predict` probabilities.

Section("## Exercises");
// 1. Build `DeepFmOptions.FactorizationMachine` and `DeepFmOptions.Dnn` models: which modules does each have, and
//    how many parameters?
// 2. Time `FactorizationMachine` against the pair-by-pair loop for $F = 6$ and for $F = 60$.
// 3. Give `UserPart` one `FieldEmbeddings` per field instead of one for all four. Does the equality cell still pass,
//    and why? (Look at the order in which `FieldEmbeddings` draws its blocks.)
//
// **Next:** [4. Training and evaluation](04-train-eval.ipynb) trains this model with the original's schedule.

// Types declared in the notebook's cells: a C# file declares them after its statements.

/// The original's UserModel: the user's fields as embeddings, int64 [B, 4] → float32 [B, 4, D].
sealed class UserPart : Module<Tensor, Tensor>
{
    private readonly FieldEmbeddings userFields;

    public UserPart(IReadOnlyList<CategoricalField> fields, int dimension, Generator generator)
        : base(nameof(UserPart))
    {
        userFields = new FieldEmbeddings(fields, dimension, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor userColumns) => userFields.call(userColumns);   // [B, 4, D]
}

/// The original's MovieModel: int64 [B, 1] movie column and int64 [B, L] title tokens → float32 [B, 2, D].
sealed class MoviePart : Module<Tensor, Tensor, Tensor>
{
    private readonly FieldEmbeddings movieId;
    private readonly MaskedTitleEmbedding title;

    public MoviePart(CategoricalField movieField, int titleVocabulary, int dimension, Generator generator)
        : base(nameof(MoviePart))
    {
        movieId = new FieldEmbeddings([movieField], dimension, generator);
        title = new MaskedTitleEmbedding(titleVocabulary, dimension, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor movieColumn, Tensor titleTokens)
    {
        var idVector = movieId.call(movieColumn);                  // [B, 1, D]
        var titleVector = title.call(titleTokens).unsqueeze(1);    // [B, 1, D]
        return torch.cat([idVector, titleVector], dim: 1);         // [B, 2, D]
    }
}

/// DeepFM (Guo et al. 2017, Eq. 1): int64 [B, 5] categorical columns and int64 [B, L] title tokens → float32 [B]
/// logits, the sum of the first-order, FM and DNN logits over the shared embeddings of the user and movie parts.
sealed class DeepFM : Module<Tensor, Tensor, Tensor>
{
    private readonly UserPart userPart;
    private readonly MoviePart moviePart;
    private readonly FirstOrderWeights firstOrder;
    private readonly FactorizationMachine fm;
    private readonly Mlp dnn;
    private readonly int movieColumn;   // the user's fields are the columns before it (the original's schema)

    public DeepFM(FeatureSchema schema, int dimension, int seed) : base(nameof(DeepFM))
    {
        movieColumn = schema.MovieIdField;
        if (!schema.UserFields.SequenceEqual(Enumerable.Range(0, movieColumn)) || schema.CategoricalFieldCount != 5)
            throw new ArgumentException("This DeepFM expects the original's schema: four user fields, then movie_id.");
        using var generator = new Generator((ulong)seed);
        userPart = new UserPart(schema.CategoricalFields.Take(movieColumn).ToList(), dimension, generator);
        moviePart = new MoviePart(schema.CategoricalFields[movieColumn], schema.TitleVocabularySize, dimension,
            generator);
        firstOrder = new FirstOrderWeights(schema.CategoricalFields, generator);
        fm = new FactorizationMachine();
        dnn = new Mlp(inputWidth: 6 * dimension, hiddenUnits: [64, 32], generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor categorical, Tensor titleTokens)
    {
        var users = userPart.call(categorical[.., ..movieColumn]);                               // [B, 4, D]
        var movies = moviePart.call(categorical[.., movieColumn..(movieColumn + 1)], titleTokens); // [B, 2, D]
        var embeddings = torch.cat([users, movies], dim: 1);          // [B, 6, D], shared by FM and DNN
        var firstOrderLogit = firstOrder.call(categorical);           // [B, 1]
        var fmLogit = fm.call(embeddings);                            // [B, 1]
        var dnnLogit = dnn.call(embeddings.flatten(start_dim: 1));    // [B, 1], from [B, 6·D]
        return (firstOrderLogit + fmLogit + dnnLogit).squeeze(1);     // [B]
    }
}
