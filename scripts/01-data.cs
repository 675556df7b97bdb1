// Generated from notebooks/01-data.ipynb by tools/NotebookScripts: edit the notebook, not this file,
// then regenerate every script with `dotnet run --project tools/NotebookScripts` (a test fails while they differ).
//
// Run from anywhere in the repository: dotnet run scripts/01-data.cs
// DEEPFM_EPOCHS=1 shortens training and DEEPFM_DATA=path/to/ml-100k.zip reads local data, as in the notebook;
// charts are written to artifacts/scripts/01-data/ (or $DEEPFM_SCRIPT_OUTPUT) as HTML, and PNG with Chromium.
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
using DeepFm.Notebook.Plots;

Section("# 1. The data: MovieLens-100k");
// *数据准备 — data preparation*
//
// The first of seven notebooks that build **DeepFM** (Guo et al., 2017,
// [arXiv:1703.04247](https://arxiv.org/abs/1703.04247)) in C# and train it to answer one question: *will this user
// rate this movie 4 or 5 stars?* They follow the DeepFM tutorial of
// [deep_recommenders](https://github.com/LongmaoTeamTf/deep_recommenders/blob/294bbd6f7b8eedf7173cbf89999c41e149035167/experiments/deepfm.ipynb)
// (its last commit before removal in 2021) with TorchSharp, `Microsoft.Data.Analysis` DataFrames and Plotly.NET;
// [notebook 4](04-train-eval.ipynb) lists where we differ.
//
// **What you will learn** (runs in under a minute once the data is cached)
// - where MovieLens-100k comes from, and how it is downloaded, checked and parsed;
// - the original's six features (TensorFlow Datasets' `movielens/100k-ratings`), their encodings and the label;
// - how the ratings are split 80,000 / 20,000, and what a batch looks like as tensors.
//
// **Series:** **1. Data** → [2. Embeddings](02-embeddings.ipynb) → [3. DeepFM](03-deepfm.ipynb) →
// [4. Training](04-train-eval.ipynb) → [5. Compare](05-compare-and-recommend.ipynb) →
// [6. Beyond the original](06-beyond-the-original.ipynb) → [7. Recommendations](07-from-ratings-to-recommendations.ipynb)
//
// The set-up cell, the same in every notebook, loads the packages and the library (`lib/DeepFm.Notebook`).

// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native
// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as
// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.
Start("01-data");

Section("## Parameters");
// `dataPath` is a local `ml-100k.zip` (or its extracted folder), read from the `DEEPFM_DATA` environment variable.
// Unset, the library downloads the official zip from GroupLens once into a cache and checks its size and SHA-256.

string? dataPath = NotebookParameters.DataPath();   // DEEPFM_DATA if set, else null: the download cache
int splitSeed = 42;                                 // the original shuffles with seed 42

Section("## Where the data comes from");
// [MovieLens-100k](https://grouplens.org/datasets/movielens/100k/) is 100,000 ratings (1–5 stars) that 943 users gave
// 1,682 movies, collected by GroupLens. Its licence **forbids redistribution**, so this repository never contains the
// data. Three files matter:
//
// | file | separator | one line per | fields we use |
// |---|---|---|---|
// | `u.data` | tab | rating | user id, movie id, rating, timestamp |
// | `u.user` | `\|` | user | age, gender, occupation |
// | `u.item` | `\|` (Latin-1) | movie | title |
//
// `MovieLens100k.Load` reads them into DataFrames, joined into one row per rating under the feature names of
// TensorFlow Datasets' `movielens/100k-ratings`, which the original loads.

var movieLens = MovieLens100k.Load(dataPath);   // MovieLens100k.Load(dataPath, Console.Out) also says what it read
Show($"{movieLens.Ratings.Rows.Count:N0} ratings, {movieLens.Users.Rows.Count:N0} users, " +
    $"{movieLens.Movies.Rows.Count:N0} movies");

Section("### The three tables");
// Users and movies as GroupLens ships them (titles decoded from Latin-1, so *Café* stays *Café*):

Show(movieLens.Users.Head(5));

Show(movieLens.Movies.Head(5));

Section("### One row per rating");
// The joined frame. `user_gender` is `true` for men (TFDS's convention), `bucketized_user_age` is the lower edge of
// the user's age bucket, `user_occupation_label` is TFDS's occupation class, and `label` is the target we will learn:

Show(movieLens.Ratings.Head(5));

// Description() computes in float32, which would round the timestamps: they are shown as dates instead.
var stamps = (PrimitiveDataFrameColumn<long>)movieLens.Ratings[MovieLensColumns.Timestamp];
string Day(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd");
var seconds = stamps.Select(s => s!.Value).ToList();
Console.WriteLine($"ratings from {Day(seconds.Min())} to {Day(seconds.Max())} (UTC)");
Show(new DataFrame(movieLens.Ratings.Columns.Where(column => column.Name != MovieLensColumns.Timestamp)).Description());

Section("## The features (特征)");
// The original uses six features, four of the user and two of the movie:
//
// | feature | kind | encoding in DeepFM |
// |---|---|---|
// | `user_id` | categorical | one embedding row per user |
// | `user_gender` | categorical (2 values) | one embedding row per value |
// | `bucketized_user_age` | categorical: 1, 18, 25, 35, 45, 50, 56 | one row per bucket |
// | `user_occupation_label` | categorical (TFDS label) | one row per label |
// | `movie_id` | categorical | one row per movie |
// | `movie_title` | text | tokens → embeddings → average |
//
// Each categorical field gets a vocabulary, its sorted distinct values (the original's `np.unique`), and a value is
// encoded as its position. `MovieLensFeatures.Build` encodes every rating as five indices plus its title's token ids:

var features = MovieLensFeatures.Build(movieLens);

Show(new DataFrame(
    new StringDataFrameColumn("field", features.Schema.CategoricalFields.Select(field => field.Name)),
    new Int32DataFrameColumn("distinct values", features.Schema.CategoricalFields.Select(field => field.Cardinality))));

Section("### Age buckets and occupation labels");
// TFDS keeps the age's bucket, the largest of 1, 18, 25, 35, 45, 50, 56 at most the age. Occupations become TFDS's
// labels; some GroupLens occupations share one, so ML-100k's 21 occupations give 17 labels:

int[] ages = [7, 17, 18, 24, 25, 44, 45, 55, 56, 73];
Show(new DataFrame(
    new Int32DataFrameColumn("age", ages),
    new Int32DataFrameColumn("bucketized_user_age", ages.Select(AgeBuckets.Bucketize))));

var labelNames = OccupationLabels.LabelNameOfOccupation;
Show(new DataFrame(
    new StringDataFrameColumn("GroupLens occupation", labelNames.Keys),
    new StringDataFrameColumn("TFDS label", labelNames.Values),
    new Int32DataFrameColumn("label index", labelNames.Values.Select(OccupationLabels.IndexOfName))));

Section("## The label");
// The original turns the 1–5 stars into a binary target:
//
// $$ y = \begin{cases} 1 & \text{rating} > 3 \text{ (4 or 5 stars)} \\ 0 & \text{otherwise} \end{cases} $$
//
// Over half the ratings are positive, so always saying "yes" is right 55% of the time: we measure **AUC** (how well
// the model *ranks* positives above negatives), not accuracy.

float positives = movieLens.Ratings.Columns.GetSingleColumn(MovieLensColumns.Label).Sum(value => value ?? 0f);
Show($"{positives:N0} positives of {movieLens.Ratings.Rows.Count:N0} ratings ({positives / movieLens.Ratings.Rows.Count:P1})");

Section("### What the ratings look like");
// Most ratings are 3 or 4 stars. Every user has rated at least 20 movies, a few have rated hundreds: the long tail
// that embeddings have to cope with.

Show(DataCharts.ValueCounts(movieLens.Ratings[MovieLensColumns.UserRating], title: "Rating distribution", xLabel: "stars"));

Show(DataCharts.CountsPerKey(movieLens.Ratings[MovieLensColumns.UserId], bins: 40,
    title: "Ratings per user", xLabel: "ratings by one user"));

Section("## Movie titles as tokens");
// The original runs the title through Keras' `TextVectorization(max_tokens=10_000)`: lower-case, strip punctuation,
// split on whitespace, number the words by frequency in the 1,682 titles, 0 for padding and 1 for unseen words
// (`[UNK]`). `TitleVectorizer` follows those rules. The most frequent "words" are years and articles:

var vocabulary = features.Titles.Vocabulary;
Show($"{vocabulary.Count:N0} token ids");

// The first 14 ids: 0 and 1 are reserved, then the tokens from most to least frequent.
Show(new DataFrame(
    new Int32DataFrameColumn("id", Enumerable.Range(0, 14)),
    new StringDataFrameColumn("token", vocabulary.Take(14).Select(token => token == "" ? "(padding)" : token))));

string[] titles = ["Star Wars (1977)", "Schindler's List (1993)", "Twelve Monkeys (1995)", "The Matrix (1999)"];
Show(new DataFrame(
    new StringDataFrameColumn("title", titles),
    new StringDataFrameColumn("tokens", titles.Select(title => string.Join(", ", TitleVectorizer.Tokenize(title)))),
    new StringDataFrameColumn("token ids", titles.Select(title => string.Join(", ", features.Titles.Encode(title))))));

// "The Matrix" came out after MovieLens-100k was collected: *matrix* becomes the out-of-vocabulary id 1. Titles are
// padded with 0 to the longest title (16 tokens); padding is masked out later.

Section("## Shuffle and split (数据shuffle和split)");
// Like the original, we shuffle all 100,000 ratings once with seed 42: the first 80,000 train, the next 20,000 test.
// (TensorFlow's shuffle order cannot be reproduced outside TensorFlow, so the rows differ from the original's; the
// sizes and the statistics do not.)

var split = features.Split(seed: splitSeed);

float PositiveShare(EncodedRatings part) => part.Labels.ToArray().Average();
Show(new DataFrame(
    new StringDataFrameColumn("split", ["train", "test"]),
    new Int32DataFrameColumn("ratings", [split.Train.Count, split.Test.Count]),
    new StringDataFrameColumn("positive", [$"{PositiveShare(split.Train):P1}", $"{PositiveShare(split.Test):P1}"])));

Section("## A batch as tensors");
// Training reads the training split in batches of 2,048, reshuffled every epoch; testing uses batches of 4,096.
// A batch is three tensors: the five categorical indices, the padded title tokens, and the labels.

var batch = split.Train.Batches(2048, shuffleSeed: 1).First();

(string Name, TorchSharp.torch.Tensor Value)[] tensors =
    [("Categorical", batch.Categorical), ("TitleTokens", batch.TitleTokens), ("Labels", batch.Labels)];
Show(new DataFrame(
    new StringDataFrameColumn("tensor", tensors.Select(item => item.Name)),
    new StringDataFrameColumn("shape", tensors.Select(item => $"[{string.Join(", ", item.Value.shape)}]")),
    new StringDataFrameColumn("dtype", tensors.Select(item => item.Value.dtype.ToString()))));

// The first example of the batch: five field indices, its title's token ids and its label.
Console.WriteLine($"fields       [{string.Join(", ", batch.Categorical[0].data<long>().ToArray())}]");
Console.WriteLine($"title tokens [{string.Join(", ", batch.TitleTokens[0].data<long>().ToArray())}]");
Console.WriteLine($"label        {batch.Labels[0].item<float>()}");

Section("## Summary");
// - MovieLens-100k: 100,000 ratings by 943 users of 1,682 movies, downloaded into a cache (never committed), checked
//   and parsed into DataFrames with TensorFlow Datasets' feature names.
// - Five categorical fields become vocabulary indices; the title becomes Keras-style token ids.
// - The label is *rating > 3*: 55,375 positives (55.4%).
// - A seed-42 shuffle, an 80,000 / 20,000 split, batches of 2,048 / 4,096 as TorchSharp tensors.

Section("## Exercises");
// 1. Which occupation has the highest share of positive ratings? (`movieLens.Ratings.GroupBy(...)`)
// 2. Build the vectorizer with `TitleVectorizer.Adapt(titles, maxTokens: 500)`: how many titles get an `[UNK]`?
// 3. Change `splitSeed`: how much do the positive shares of train and test move?
//
// **Next:** [2. Embeddings](02-embeddings.ipynb) turns these indices into the dense vectors DeepFM works on.
