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
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

Section("# 3. DeepFM: FM + DNN over shared embeddings");
// *构建 DeepFM 模型 — building the DeepFM model*
//
// DeepFM (Guo et al., 2017, [arXiv:1703.04247](https://arxiv.org/abs/1703.04247)) predicts a click — here, a 4–5 star
// rating — as the sigmoid of a sum of three parts that all read the same inputs:
//
// $$ \hat{y} = \sigma\big(\, y_{\text{first}} + y_{\text{FM}} + y_{\text{DNN}} \,\big) $$
//
// the **first-order** weights of notebook 2, a **factorization machine** that scores every pair of fields, and a
// **deep network** over all fields at once. The FM and the DNN share the dense embeddings, so the model learns one
// vector per user, movie, age bucket… that serves both.
//
// **What you will learn here**
// - the FM's pairwise term and the rewrite that makes it linear in the number of fields;
// - the DNN part (192 → 64 → 32 → 1) and how Keras initialises it;
// - how `DeepFmModel` wires the parts together, its summary table and parameter count, and one forward pass on real data.
//
// **Series:** [1. Data](01-data.ipynb) → [2. Embeddings](02-embeddings.ipynb) → **3. DeepFM** →
// [4. Training and evaluation](04-train-eval.ipynb) → [5. Compare and recommend](05-compare-and-recommend.ipynb) →
// [6. Beyond the original](06-beyond-the-original.ipynb)

// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native
// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as
// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.
Start("03-deepfm");

Section("## Parameters");

string? dataPath = null;   // null: DEEPFM_DATA, then the download cache (see notebook 1)
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
// `FactorizationMachine` is that right-hand side — the original's `FM(factors=None)`, with no weights of its own.
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
// Glorot-uniform weights and zero biases. `Mlp` builds the same:

var mlp = new Mlp(inputWidth: 6 * 32, hiddenUnits: [64, 32], generator: new Generator(42));
var mlpParameters = mlp.named_parameters().ToList();
Show(new DataFrame(
    new StringDataFrameColumn("parameter", mlpParameters.Select(p => p.name)),
    new StringDataFrameColumn("shape", mlpParameters.Select(p => $"[{string.Join(", ", p.parameter.shape)}]"))));

Section("## DeepFM: three logits, one sum");
// `DeepFmModel` holds five modules, in the order `forward` calls them:
//
// 1. `fieldEmbeddings` and `titleEmbedding` build the shared dense input $[B, 6, 32]$ (notebook 2);
// 2. `firstOrderWeights` gives $y_{\text{first}}$ from the categorical indices (notebook 2);
// 3. `factorizationMachine` gives $y_{\text{FM}}$ from the dense input;
// 4. `mlp` gives $y_{\text{DNN}}$ from the flattened dense input.
//
// `forward` returns the **logit** $y_{\text{first}} + y_{\text{FM}} + y_{\text{DNN}}$; the sigmoid is applied only when we
// want a probability (`Predict`). Training on logits with `BCEWithLogitsLoss` is the same maths as the original's
// sigmoid followed by binary cross-entropy, and numerically safer. Field sizes come from the data's vocabularies:

var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed);
Show(model.Options.ToString());

Section("### Summary table");
// Output shapes measured on the real batch (B = 2,048) and parameters per module:

Show(ModelSummary.Of(model, batch));

// 421,949 parameters, exactly the original Keras model on ML-100k:
// $32 \cdot 2651$ (field embeddings) $+ \; 10000 \cdot 32$ (title) $+ \; 2651 + 1$ (first order)
// $+ \; (192 \cdot 64 + 64) + (64 \cdot 32 + 32) + (32 + 1)$ (DNN). Three quarters of them are the title's token table.

Section("## One forward pass on real data");
// An untrained model's predictions sit near the middle; what matters is the shapes and that the three parts add up:

var logits = model.call(batch.Categorical, batch.TitleTokens);   // [B]
var probabilities = model.Predict(batch);                         // [B], sigmoid(logits)
Show($"logits [{string.Join(", ", logits.shape)}], first five {logits[..5].ToString(TorchSharp.TensorStringStyle.Numpy)}; " +
$"probabilities from {probabilities.min().item<float>():F3} to {probabilities.max().item<float>():F3}");

// What the FM and the DNN read: the dense field vectors of every example, one row per field.
var dense = model.DenseFieldEmbeddings(batch);   // [B, 6, 32]
Show($"dense input [{string.Join(", ", dense.shape)}], rows: {string.Join(", ", features.Schema.DenseFieldNames)}");

// The model's three logits, part by part, on three examples: they add up to the model's logit.
var categorical = batch.Categorical[..3];
var title = batch.TitleTokens[..3];
var parts = model.Parts(categorical, title);                        // first order, FM, DNN: each [3]

float[] Values(Tensor t) => t.detach().data<float>().ToArray();
Show(new DataFrame(
    new SingleDataFrameColumn("first order", Values(parts.FirstOrder!)),
    new SingleDataFrameColumn("FM", Values(parts.Pairwise!)),
    new SingleDataFrameColumn("DNN", Values(parts.Deep!)),
    new SingleDataFrameColumn("sum", Values(parts.FirstOrder! + parts.Pairwise! + parts.Deep!)),
    new SingleDataFrameColumn("model logit", Values(model.call(categorical, title)))));

Section("## Summary");
// - DeepFM's logit is first order + FM + DNN; the FM and DNN share the six dense field embeddings.
// - The FM's pairwise term is computed in $O(FD)$ as half the difference of "square of sum" and "sum of squares".
// - The DNN is 192 → 64 → 32 → 1 with ReLU, Glorot-uniform weights and zero biases, as in Keras.
// - The model has 421,949 parameters, the original's count; `forward` returns logits, `Predict` probabilities.

Section("## Exercises");
// 1. Build `DeepFmOptions.FactorizationMachine` and `DeepFmOptions.Dnn` models: which modules does each have, and
//    how many parameters?
// 2. Time `FactorizationMachine` against the pair-by-pair loop for $F = 6$ and for $F = 60$.
// 3. Why does the FM need no weights of its own here, while Rendle's FM has a latent vector per feature?
//
// **Next:** [4. Training and evaluation](04-train-eval.ipynb) trains this model with the original's schedule.
