using DeepFm.Notebook.Training;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// The learning curves of a training run, as in the original TensorFlow tutorial (its deepfm_auc.png and
/// deepfm_loss.png): the metric against the epoch, train against test. The train line has a point on every epoch;
/// the test line only on the validation epochs (every 5th by default), drawn with markers so the reader sees
/// where the measurements are rather than a line that pretends to know the epochs in between.
/// </summary>
public static class TrainingCharts
{
    /// <summary>Train and test AUC against the epoch.</summary>
    public static GenericChart Auc(TrainingHistory history, string title = "AUC per epoch") =>
        TrainAgainstTest(history, r => r.TrainAuc, r => r.ValidationAuc, title, "AUC");

    /// <summary>
    /// Train and test log-loss (binary cross-entropy) against the epoch. Given the training split's positive rate p,
    /// a flat line marks the baseline a model must beat: the log-loss of always predicting p,
    /// −(p ln p + (1 − p) ln(1 − p)) (≈ 0.69 near p = ½).
    /// </summary>
    public static GenericChart Loss(TrainingHistory history, string title = "Log-loss per epoch", double? trainPositiveRate = null)
    {
        var chart = TrainAgainstTest(history, r => r.TrainLoss, r => r.ValidationLoss, title, "log-loss");
        if (trainPositiveRate is not double p) return chart;
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(trainPositiveRate), p, "A positive rate lies strictly between 0 and 1.");
        double constantLoss = ConstantPredictorLoss(p);
        var epochs = history.Epochs.Select(r => r.Epoch).ToList();
        var baseline = ChartStyle.NamedLine(epochs, epochs.Select(_ => constantLoss), "constant predictor", false);
        return CS.Chart.Combine([chart, baseline]).WithTitles(title, "epoch", "log-loss");
    }

    /// <summary>The log-loss of predicting the positive rate <paramref name="p"/> for every row of a split with that rate.</summary>
    public static double ConstantPredictorLoss(double p) => -(p * Math.Log(p) + (1 - p) * Math.Log(1 - p));

    /// <summary>
    /// The validation AUC curves of several runs on one chart, one line per run named by its key, to compare
    /// models (e.g. FM alone, DNN alone, DeepFM) trained on the same split.
    /// </summary>
    public static GenericChart Comparison(
        IEnumerable<KeyValuePair<string, TrainingHistory>> runs, string title = "Validation AUC by model")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var curves = new List<GenericChart>();
        var names = new HashSet<string>();
        foreach (var (name, history) in runs)
        {
            if (history is null)
                throw new ArgumentException($"Run '{name}' has no training history (null).", nameof(runs));
            if (!names.Add(name))
                throw new ArgumentException($"Two runs are named '{name}'; give each run its own name.", nameof(runs));
            var validated = ValidationEpochs(history, r => r.ValidationAuc);
            if (validated.Count == 0)
                throw new ArgumentException(
                    $"Run '{name}' has no validation epoch (no record with a ValidationAuc); train it for at least as many " +
                    "epochs as the validation interval before comparing.", nameof(runs));
            curves.Add(ChartStyle.NamedLine(validated.Select(p => p.Epoch), validated.Select(p => p.Value), name, true));
        }
        if (curves.Count == 0)
            throw new ArgumentException("No runs to compare: pass at least one (name, history) pair.", nameof(runs));
        return CS.Chart.Combine(curves).WithTitles(title, "epoch", "test AUC");
    }

    /// <summary>The same comparison from (name, history) pairs, for callers that keep their runs in a list.</summary>
    public static GenericChart Comparison(
        IEnumerable<(string Name, TrainingHistory History)> runs, string title = "Validation AUC by model") =>
        Comparison(runs.Select(run => KeyValuePair.Create(run.Name, run.History)), title);

    private static GenericChart TrainAgainstTest(
        TrainingHistory history, Func<EpochRecord, double> train, Func<EpochRecord, double?> test,
        string title, string metricLabel)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Epochs.Count == 0)
            throw new ArgumentException("The training history has no epochs yet: train at least one epoch first.",
                nameof(history));

        var curves = new List<GenericChart>
        {
            ChartStyle.NamedLine(history.Epochs.Select(r => r.Epoch), history.Epochs.Select(train), "train", false),
        };
        // A run shorter than the validation interval has no test point; it still gets its train curve.
        var validated = ValidationEpochs(history, test);
        if (validated.Count > 0)
            curves.Add(ChartStyle.NamedLine(validated.Select(p => p.Epoch), validated.Select(p => p.Value), "test", true));
        return CS.Chart.Combine(curves).WithTitles(title, "epoch", metricLabel);
    }

    private static List<(int Epoch, double Value)> ValidationEpochs(TrainingHistory history, Func<EpochRecord, double?> metric) =>
        history.Epochs.Where(r => metric(r).HasValue).Select(r => (r.Epoch, metric(r)!.Value)).ToList();
}
