// Generated from notebooks/02-embeddings.ipynb by tools/NotebookScripts: edit the notebook, not this file,
// then regenerate every script with `dotnet run --project tools/NotebookScripts` (a test fails while they differ).
//
// Run from anywhere in the repository: dotnet run scripts/02-embeddings.cs
// DEEPFM_EPOCHS=1 shortens training and DEEPFM_DATA=path/to/ml-100k.zip reads local data, as in the notebook;
// charts are written to artifacts/scripts/02-embeddings/ (or $DEEPFM_SCRIPT_OUTPUT) as HTML, and PNG with Chromium.
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
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Plots;

Section("# 2. Embeddings: dense vectors and first-order weights");
// *构建embedding层 — building the embedding layers*
//
// DeepFM looks at every field in two ways. The [original tutorial](https://github.com/LongmaoTeamTf/deep_recommenders/blob/294bbd6f7b8eedf7173cbf89999c41e149035167/experiments/deepfm.ipynb)
// puts it in one sentence: DeepFM needs **dense embeddings** for the FM's second-order interactions and the DNN's
// higher-order ones, and **sparse one-hot embeddings** for the FM's first-order term. This notebook builds both from the
// data of notebook 1, plus the one field that is not categorical: the movie title.
//
// **What you will learn here**
// - how a categorical value becomes a 32-dimensional vector (an embedding lookup), and how the five fields stack;
// - how a variable-length title becomes one vector: token embeddings averaged **under a mask**, so padding never counts;
// - why the first-order term, a `Dense(1)` over one-hot vectors, is one weight per value (looked up, not multiplied
//   by a 2,651-wide one-hot vector), and what these layers cost in parameters.
//
// **Series:** [1. Data](01-data.ipynb) → **2. Embeddings** → [3. DeepFM](03-deepfm.ipynb) →
// [4. Training and evaluation](04-train-eval.ipynb) → [5. Compare and recommend](05-compare-and-recommend.ipynb) →
// [6. Beyond the original](06-beyond-the-original.ipynb) →
// [7. From rating prediction to recommendation](07-from-ratings-to-recommendations.ipynb)

// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native
// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as
// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.
Start("02-embeddings");

Section("## Parameters");

string? dataPath = NotebookParameters.DataPath();   // DEEPFM_DATA if set, else null: the download cache (notebook 1)
int embeddingDimension = 32; // D in the paper; the original uses 32 for every field
ulong seed = 42;

Section("## The data, as in notebook 1");
// Four ratings from the training split are enough to look at:

var movieLens = MovieLens100k.Load(dataPath);
var features = MovieLensFeatures.Build(movieLens);
var split = features.Split();
var batch = split.Train.Batches(4).First();
var rows = split.TrainRows.Take(4).ToArray();
var ratings = movieLens.Ratings;
Show(new DataFrame(
    new StringDataFrameColumn("user_id", rows.Select(row => (string)ratings[MovieLensColumns.UserId][row])),
    new StringDataFrameColumn("movie_title", rows.Select(row => (string)ratings[MovieLensColumns.MovieTitle][row])),
    new StringDataFrameColumn("field indices",
        Enumerable.Range(0, 4).Select(i => string.Join(", ", batch.Categorical[i].data<long>().ToArray()))),
    new SingleDataFrameColumn("label", batch.Labels.data<float>().ToArray())));

Section("## Dense embeddings of the categorical fields");
// An embedding is a trainable table with one row per value. For field $f$ with value index $x_f$ the dense vector is
// the row $e_f = V_f[x_f] \in \mathbb{R}^{D}$ — mathematically the one-hot vector of $x_f$ times $V_f$, computed as a
// lookup. The original creates them with `tf.feature_column.embedding_column(..., dimension=32)`, whose rows start
// from a truncated normal with standard deviation $1/\sqrt{D}$; `FieldEmbeddings` keeps the rows of all five fields
// (2,651 rows, a block for each field) with the same initialisation and returns the five vectors of each example
// stacked:

var generator = new Generator(seed);
var fieldEmbeddings = new FieldEmbeddings(features.Schema.CategoricalFields, embeddingDimension, generator);
var fieldVectors = fieldEmbeddings.call(batch.Categorical);   // [B, 5, D]
Show($"Categorical [{string.Join(", ", batch.Categorical.shape)}] → field vectors [{string.Join(", ", fieldVectors.shape)}]");

// The first 8 of the 32 numbers of the first example's user vector: random for now, learned in notebook 4.
Show(string.Join(", ", fieldVectors[0, 0, ..8].data<float>().ToArray().Select(value => value.ToString("F4"))));

Section("## The title: token embeddings averaged under a mask");
// A title is a padded list of token ids (0 = padding). The original embeds every token with
// `Embedding(10_000, 32, mask_zero=True)` and averages with `GlobalAveragePooling1D`, which honours the mask. With
// $m_t = [\,\text{token}_t \neq 0\,]$:
//
// $$ e_{\text{title}} = \frac{\sum_t m_t \, E[\text{token}_t]}{\sum_t m_t} $$
//
// Padding never counts, so a title's vector does not depend on how long the longest title in the batch is.
// `MaskedTitleEmbedding` computes exactly this (an all-padding title gives zeros rather than Keras' 0/0):

var titleEmbedding = new MaskedTitleEmbedding(features.Schema.TitleVocabularySize, embeddingDimension, generator);
var titleVectors = titleEmbedding.call(batch.TitleTokens);   // [B, D]
Console.WriteLine($"TitleTokens [{string.Join(", ", batch.TitleTokens.shape)}] → " +
    $"title vectors [{string.Join(", ", titleVectors.shape)}]");
Console.WriteLine($"tokens of the first title: [{string.Join(", ", batch.TitleTokens[0].data<long>().ToArray())}]");

// The mask at work: "Star Wars (1977)" padded to 3 and to 16 tokens gives the same vector.

var starWars = features.Titles.Encode("Star Wars (1977)");
var shortPadding = tensor(starWars, 1, starWars.Length);
var longPadding = tensor(starWars.Concat(new long[13]).ToArray(), 1, starWars.Length + 13);
Show($"same vector: {titleEmbedding.call(shortPadding).allclose(titleEmbedding.call(longPadding))}");

Section("## Six dense fields, stacked");
// DeepFM treats the title as a sixth field. The dense input of both the FM and the DNN is the stack of the six
// vectors, a $[B, 6, D]$ tensor:

var denseFields = torch.cat([fieldVectors, titleVectors.unsqueeze(1)], dim: 1);   // [B, 6, D]
Show($"dense fields [{string.Join(", ", denseFields.shape)}]");

// The six vectors of the batch's first rating, one row per field and one column per dimension. Colours as in every
// heatmap of the series: red for positive values, blue for negative, white at 0 (in notebook 5's explanation, red
// raises the score and blue lowers it):

string[] denseFieldNames = [.. features.Schema.CategoricalFields.Select(field => field.Name), "movie_title"];
Show(EmbeddingCharts.Heatmap(denseFields[0], denseFieldNames, "The six dense fields of one rating (before training)"));

// Before training every row is noise around zero. Training moves each row only as far as that helps DeepFM's sum of
// terms predict the label; nothing in the loss asks movies liked by the same people to end up pointing in the same
// direction. Whether they do anyway is a question to measure, not to assume: notebook 5 compares the cosine
// similarities of the learned movie vectors with those of random vectors.

Section("## First-order weights: one-hot × Dense(1), done as a lookup");
// FM's first-order term is a linear model over the one-hot indicators of all categorical values. The original builds
// it as `indicator_column` (one-hot) for each field, concatenates them into a $2{,}651$-wide vector
// (943 users + 2 genders + 7 age buckets + 17 occupation labels + 1,682 movies) and applies `Dense(1)`:
//
// $$ y_{\text{first}} = b + \sum_{j=1}^{2651} w_j \, x_j = b + \sum_{f=1}^{5} w_{\text{offset}_f + x_f} $$
//
// Only five of the 2,651 inputs are 1, so the product is the sum of five weights. `FirstOrderWeights` stores the
// weights in one table, adds each field's offset to its index and sums the five looked-up weights — the same numbers,
// without building a 2,651-wide vector per example:

var firstOrder = new FirstOrderWeights(features.Schema.CategoricalFields, generator);
var byLookup = firstOrder.call(batch.Categorical);   // [B, 1]

// The original's way, for comparison: the concatenated one-hot vectors times the weights, plus the bias.
var oneHot = torch.nn.functional.one_hot(batch.Categorical + firstOrder.FieldOffsets, firstOrder.OneHotWidth)
    .sum(dim: 1).to(float32);   // [B, 2651]
var byOneHot = oneHot.mm(firstOrder.Weights) + firstOrder.Bias;
Console.WriteLine($"one-hot [{string.Join(", ", oneHot.shape)}] with {oneHot[0].sum().item<float>()} ones per row");
Console.WriteLine($"same result: {byLookup.allclose(byOneHot)}");

Section("## What it costs");
// Every value of every field owns 32 dense numbers plus one first-order weight, and the title owns a 10,000 × 32 token
// table (the size the original gives it; ML-100k titles use 2,468 token ids of it):

torch.nn.Module[] layers = [fieldEmbeddings, titleEmbedding, firstOrder];
Show(new DataFrame(
    new StringDataFrameColumn("layer", ["FieldEmbeddings", "MaskedTitleEmbedding", "FirstOrderWeights"]),
    new StringDataFrameColumn("shape", ["[2651, 32], a block per field", "[10000, 32]", "[2651, 1] + bias"]),
    new Int64DataFrameColumn("parameters", layers.Select(ModelSummary.CountParameters))));

Section("## Summary");
// - A categorical value becomes a $D$-dimensional vector by a lookup in its field's table; five fields give $[B, 5, D]$.
// - The title becomes one vector by averaging its token embeddings under the padding mask; with it, $[B, 6, D]$.
// - The first-order term is a one-hot `Dense(1)`, computed as five weight lookups plus a bias.
// - Dense and first-order parameters are separate: the FM's pairwise term and the DNN will share the dense ones.

Section("## Exercises");
// 1. Replace the masked mean by a plain mean over all 16 positions (padding included). How does the vector of a
//    3-token title change as the padding grows?
// 2. Show that `FieldEmbeddings` is a one-hot product too: `one_hot(index, 943).to(float32).mm(table)` for the users.
// 3. How many parameters would the first-order term have if the title's tokens were one-hot inputs as well?
//
// **Next:** [3. DeepFM](03-deepfm.ipynb) combines these into the FM, the DNN and the full model.
