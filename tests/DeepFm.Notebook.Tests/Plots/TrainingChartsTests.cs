using DeepFm.Notebook.Plots;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Plots;

public sealed class TrainingChartsTests
{
    /// <summary>A 12-epoch run validated every 5th epoch, with values that tell the epochs apart.</summary>
    private static TrainingHistory History(int epochs = 12, double offset = 0)
    {
        var history = new TrainingHistory();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var validated = epoch % 5 == 0;
            history.Add(new EpochRecord(epoch, TrainLoss: 0.7 - epoch * 0.01, TrainAuc: 0.6 + epoch * 0.01 + offset,
                ValidationLoss: validated ? 0.72 - epoch * 0.005 : null, ValidationAuc: validated ? 0.55 + epoch * 0.01 + offset : null));
        }
        return history;
    }

    [Fact]
    public void Auc_draws_train_over_every_epoch_and_test_over_validation_epochs()
    {
        var history = History();
        var json = new ChartJson(TrainingCharts.Auc(history));

        Assert.Equal(2, json.Traces.Count);
        var train = json.Trace("train");
        Assert.Equal("lines", train.GetProperty("mode").GetString());
        Assert.Equal(Enumerable.Range(1, 12).Select(e => (double)e), ChartJson.Numbers(train, "x"));
        Assert.Equal(history.Epochs.Select(r => r.TrainAuc), ChartJson.Numbers(train, "y"));

        var test = json.Trace("test");
        Assert.Equal("lines+markers", test.GetProperty("mode").GetString());
        Assert.Equal([5.0, 10.0], ChartJson.Numbers(test, "x"));
        Assert.Equal([history.Epochs[4].ValidationAuc!.Value, history.Epochs[9].ValidationAuc!.Value], ChartJson.Numbers(test, "y"));

        Assert.Equal("AUC per epoch", json.Title);
        Assert.Equal("epoch", json.AxisTitle("xaxis"));
        Assert.Equal("AUC", json.AxisTitle("yaxis"));
        Assert.All(json.Traces, trace => Assert.True(trace.GetProperty("showlegend").GetBoolean()));
    }

    [Fact]
    public void Loss_draws_the_loss_values_with_a_log_loss_axis()
    {
        var history = History();
        var json = new ChartJson(TrainingCharts.Loss(history, title: "DeepFM loss"));

        Assert.Equal(history.Epochs.Select(r => r.TrainLoss), ChartJson.Numbers(json.Trace("train"), "y"));
        Assert.Equal([history.Epochs[4].ValidationLoss!.Value, history.Epochs[9].ValidationLoss!.Value],
            ChartJson.Numbers(json.Trace("test"), "y"));
        Assert.Equal("DeepFM loss", json.Title);
        Assert.Equal("log-loss", json.AxisTitle("yaxis"));
    }

    [Fact]
    public void Loss_with_a_positive_rate_adds_the_constant_predictors_log_loss_as_a_flat_line()
    {
        var history = History();
        var json = new ChartJson(TrainingCharts.Loss(history, trainPositiveRate: 0.55));

        Assert.Equal(3, json.Traces.Count);
        var baseline = json.Trace("constant predictor");
        Assert.Equal(Enumerable.Range(1, 12).Select(e => (double)e), ChartJson.Numbers(baseline, "x"));
        double expected = -(0.55 * Math.Log(0.55) + 0.45 * Math.Log(0.45));
        Assert.All(ChartJson.Numbers(baseline, "y"), y => Assert.Equal(expected, y, 12));
        Assert.Equal(0.6881, TrainingCharts.ConstantPredictorLoss(0.55), 4);
        Assert.Equal(Math.Log(2), TrainingCharts.ConstantPredictorLoss(0.5), 12);
        Assert.Equal("log-loss", json.AxisTitle("yaxis"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingCharts.Loss(history, trainPositiveRate: 1.0));
    }

    [Fact]
    public void A_run_shorter_than_the_validation_interval_has_only_a_train_line()
    {
        var json = new ChartJson(TrainingCharts.Auc(History(epochs: 3)));

        Assert.Equal("train", Assert.Single(json.Traces).GetProperty("name").GetString());
    }

    [Fact]
    public void An_empty_history_is_refused_with_a_message()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingCharts.Loss(new TrainingHistory()));
        Assert.Contains("no epochs", error.Message);
    }

    [Fact]
    public void Comparison_overlays_the_validation_auc_of_each_named_run()
    {
        var runs = new Dictionary<string, TrainingHistory>
        {
            ["FM"] = History(epochs: 10), ["DeepFM"] = History(epochs: 15, offset: 0.05),
        };
        var json = new ChartJson(TrainingCharts.Comparison(runs));

        Assert.Equal(["FM", "DeepFM"], json.Traces.Select(trace => trace.GetProperty("name").GetString()));
        var deepFm = json.Trace("DeepFM");
        Assert.Equal([5.0, 10.0, 15.0], ChartJson.Numbers(deepFm, "x"));
        Assert.Equal(runs["DeepFM"].Epochs.Where(r => r.ValidationAuc is not null).Select(r => r.ValidationAuc!.Value),
            ChartJson.Numbers(deepFm, "y"));
        Assert.Equal("lines+markers", deepFm.GetProperty("mode").GetString());
        Assert.Equal("test AUC", json.AxisTitle("yaxis"));
    }

    [Fact]
    public void Comparison_accepts_a_list_of_pairs_and_refuses_duplicates_and_runs_without_validation()
    {
        var json = new ChartJson(TrainingCharts.Comparison([("a", History()), ("b", History())]));
        Assert.Equal(2, json.Traces.Count);

        var duplicate = Assert.Throws<ArgumentException>(() => TrainingCharts.Comparison([("a", History()), ("a", History())]));
        Assert.Contains("'a'", duplicate.Message);

        var unvalidated = Assert.Throws<ArgumentException>(() => TrainingCharts.Comparison([("short", History(epochs: 2))]));
        Assert.Contains("'short' has no validation epoch", unvalidated.Message);

        Assert.Throws<ArgumentException>(() => TrainingCharts.Comparison(new Dictionary<string, TrainingHistory>()));
    }
}
