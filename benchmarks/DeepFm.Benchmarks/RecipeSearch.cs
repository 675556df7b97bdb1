using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Benchmarks;

/// <summary>
/// <c>--recipe-search</c>: the search behind notebook 06's "The search, done on validation" table, runnable. DeepFM,
/// one seed (42) per setting, trained on the 72,000 ratings of <see cref="ValidationSplit"/> (seed 42) and early-stopped
/// on its 8,000 validation ratings; only the best validation AUC is printed — the test split plays no part. Adagrad
/// validates every 5 epochs (stop after 2 without gain), Adam/AdamW every epoch (stop after 4), up to 100 epochs, one
/// libtorch thread (the notebook's setting, so the numbers repeat on any machine).
/// </summary>
internal static class RecipeSearch
{
    private sealed record Setting(string Optimiser, string LearningRate, string WeightDecay, string Other, ExtraFields Fields,
        DeepFmOptions Model, TrainerOptions Training);

    public static int Run(string? dataPath, int maxEpochs)
    {
        Console.WriteLine(TorchSharpNative.EnsureLoadable());
        MovieLens100k data = MovieLens100k.Load(dataPath, Console.Out);
        var adagrad = new TrainerOptions { Epochs = maxEpochs, ValidateEvery = 5, EarlyStoppingPatience = 2, Threads = 1 };
        var adam = adagrad with { Optimizer = OptimizerKind.AdamW, LearningRate = 0.001, WeightDecay = 0, ValidateEvery = 1, EarlyStoppingPatience = 4 };
        DeepFmOptions deepFm = DeepFmOptions.DeepFm;
        ExtraFields none = ExtraFields.None;
        var ratingTime = new ExtraFields { RatingYearMonth = true, RatingWeekday = true, RatingHour = true };
        TrainerOptions AdamW(double lr, double decay) => adam with { LearningRate = lr, WeightDecay = decay };
        var settings = new List<Setting>
        {
            new("Adagrad (the original's)", "0.1", "–", "", none, deepFm, adagrad),
            new("Adam", "0.001", "–", "", none, deepFm, adam),
            new("Adam", "0.001", "–", "batch 512", none, deepFm, adam with { TrainBatchSize = 512 }),
            new("Adam", "0.001", "–", "D = 16", none, deepFm with { EmbeddingDimension = 16 }, adam),
            new("Adam", "0.002", "–", "D = 8", none, deepFm with { EmbeddingDimension = 8 }, adam with { LearningRate = 0.002 }),
        };
        foreach (double decay in new[] { 0.1, 1, 3, 10 }) settings.Add(new("AdamW", "0.001", $"{decay}", "", none, deepFm, AdamW(0.001, decay)));
        foreach (double decay in new[] { 1, 2, 3, 4, 10, 30 }) settings.Add(new("AdamW", "0.003", $"{decay}", "", none, deepFm, AdamW(0.003, decay)));
        foreach (double decay in new[] { 1, 2, 3 }) settings.Add(new("AdamW", "0.005", $"{decay}", "", none, deepFm, AdamW(0.005, decay)));
        settings.Add(new("AdamW, all fields", "0.003", "3", "D = 32", ExtraFields.All, deepFm, AdamW(0.003, 3)));
        settings.Add(new("AdamW, all fields", "0.003", "3", "D = 64", ExtraFields.All, deepFm with { EmbeddingDimension = 64 }, AdamW(0.003, 3)));
        settings.Add(new("AdamW, all fields", "0.003", "3", "hidden [128, 64]", ExtraFields.All, deepFm with { HiddenUnits = [128, 64] }, AdamW(0.003, 3)));
        settings.Add(new("AdamW + one field", "0.003", "3", "genres", new ExtraFields { Genres = true }, deepFm, AdamW(0.003, 3)));
        settings.Add(new("AdamW + one field", "0.003", "3", "release year", new ExtraFields { ReleaseYear = true }, deepFm, AdamW(0.003, 3)));
        settings.Add(new("AdamW + one field", "0.003", "3", "rating time", ratingTime, deepFm, AdamW(0.003, 3)));
        settings.Add(new("AdamW + one field", "0.003", "3", "zip prefix", new ExtraFields { ZipPrefixDigits = 1 }, deepFm, AdamW(0.003, 3)));

        var splits = new Dictionary<ExtraFields, ValidationSplit>();
        var lines = new List<string>();
        foreach (Setting setting in settings)
        {
            if (!splits.TryGetValue(setting.Fields, out ValidationSplit? split))
                splits[setting.Fields] = split = ValidationSplit.Create(MovieLensFeatures.Build(data, extraFields: setting.Fields).Split());
            using var model = new DeepFmModel(split.Train.Schema, setting.Model, seed: 42);
            using var trainer = new Trainer(model, setting.Training with { Seed = 42 });
            TrainingHistory history = trainer.Fit(split.Train, split.Validation);
            EpochRecord best = history.Best!;
            string line = $"| {setting.Optimiser} | {setting.LearningRate} | {setting.WeightDecay} | {setting.Other} | {best.ValidationAuc:F4} | {best.Epoch} |";
            Console.WriteLine(line);
            lines.Add(line);
        }
        Console.WriteLine();
        Console.WriteLine("| optimiser | learning rate | weight decay | other | validation AUC | epoch |");
        Console.WriteLine("|---|---|---|---|---|---|");
        lines.ForEach(Console.WriteLine);
        return 0;
    }
}
