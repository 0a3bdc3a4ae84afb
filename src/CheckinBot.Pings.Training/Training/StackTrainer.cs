using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TreeModel = Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>;

namespace CheckinBot.Pings.Training;

/// <summary>
/// Two boosted-tree ensembles (ML.NET FastTree, one thread, a fixed seed) stacked on the linear model: one for a status
/// check against the rest, one for urgent against the rest, each learned from out-of-fold stack features.
/// </summary>
internal sealed class StackTrainer(int seed)
{
    private readonly MLContext context = new(seed: seed);

    public (TreeModel Status, TreeModel Urgent) Train(IReadOnlyList<StackRow> rows)
    {
        var data = context.Data.Cache(context.Data.LoadFromEnumerable(rows));
        return (Fit(data, nameof(StackRow.IsStatus)), Fit(data, nameof(StackRow.IsUrgent)));
    }

    /// <summary>The status and urgent probabilities of each row.</summary>
    public IReadOnlyList<(float Status, float Urgent)> Predict((TreeModel Status, TreeModel Urgent) models, IReadOnlyList<StackRow> rows)
    {
        var data = context.Data.LoadFromEnumerable(rows);
        var status = Probabilities(models.Status, data);
        var urgent = Probabilities(models.Urgent, data);
        return [.. status.Zip(urgent)];
    }

    private TreeModel Fit(IDataView data, string label) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = label,
            FeatureColumnName = nameof(StackRow.Features),
            NumberOfTrees = 50,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
        }).Fit(data);

    private float[] Probabilities(TreeModel model, IDataView data) =>
        [.. context.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).Select(p => p.Probability)];

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
