using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Experiments;

/// <summary>
/// One configuration of notebook 06's ablation: which fields the data has (<see cref="ExtraFields"/>), which model
/// (<see cref="DeepFmOptions"/>) and how it trains (<see cref="TrainerOptions"/>: optimiser, weight decay,
/// learning rate, early stopping). A run of a recipe picks its epoch on the validation split and scores the test
/// split once (<see cref="Ablation"/>).
/// </summary>
/// <param name="Name">A short label for tables ("AdamW + wd, all fields").</param>
/// <param name="Fields">The fields added to the original six (none for the original schema).</param>
/// <param name="Model">The model's parts and sizes.</param>
/// <param name="Training">The training schedule; its seed is replaced by each run's.</param>
public sealed record Recipe(string Name, ExtraFields Fields, DeepFmOptions Model, TrainerOptions Training)
{
    /// <summary>For example "Adam lr 0.003, weight decay 3, up to 40 epochs (patience 3)".</summary>
    public string TrainingDescription
    {
        get
        {
            string optimiser = Training.Optimizer switch
            {
                OptimizerKind.Adagrad => $"Adagrad lr {Training.LearningRate:G3}",
                var kind => $"{kind} lr {Training.LearningRate:G3}",
            };
            string decay = Training.WeightDecay > 0 ? $", weight decay {Training.WeightDecay:G3}" : "";
            string stopping = Training.EarlyStoppingPatience is int patience ? $" (patience {patience})" : "";
            return $"{optimiser}{decay}, up to {Training.Epochs} epochs{stopping}";
        }
    }
}
