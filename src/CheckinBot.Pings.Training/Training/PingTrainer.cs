using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Features;
using CheckinBot.Pings.Model;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CheckinBot.Pings.Training;

/// <summary>
/// Learns the ping model with ML.NET: the messages are featurised by <see cref="PingFeatures"/> (the code that serves
/// them), a multiclass maximum-entropy model is trained with L-BFGS on one thread with a fixed seed, and its weights
/// and biases are read out into a <see cref="PingModel"/>. Deterministic: the same corpora give the same model.
/// </summary>
public static class PingTrainer
{
    /// <summary>Trains on every row of the corpora; each corpus's VA names read as mentions, as they would live.</summary>
    public static LearnedPingClassifier Train(IEnumerable<LabelledCorpus> corpora, TrainingOptions? options = null, PingThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        return new LearnedPingClassifier(TrainModel(corpora, options ?? TrainingOptions.Committed), thresholds ?? PingThresholds.Default);
    }

    /// <summary>Writes a trained classifier's model file.</summary>
    public static void Write(LearnedPingClassifier classifier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        classifier.Model.Write(stream);
    }

    /// <summary>
    /// The fingerprint of what a model trained on the corpora with the options learns from: the featurised rows with
    /// their labels, the options and ML.NET's version. The same on every machine, where the model is not
    /// (<see cref="TrainingInputs"/>); <c>Model/trained-from.txt</c> keeps the committed model's.
    /// </summary>
    public static string InputsOf(IEnumerable<LabelledCorpus> corpora, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        return TrainingInputs.Of([.. corpora.Select(Rows)], options ?? TrainingOptions.Committed);
    }

    /// <summary>The inputs' fingerprint that the lines of a <c>Model/trained-from.txt</c> record (its <c>inputs:</c> line).</summary>
    /// <exception cref="InvalidDataException">The lines record no fingerprint, or more than one.</exception>
    public static string RecordedInputs(IEnumerable<string> trainedFrom)
    {
        ArgumentNullException.ThrowIfNull(trainedFrom);
        const string Key = "inputs: ";
        var recorded = trainedFrom.Where(line => line.StartsWith(Key, StringComparison.Ordinal)).Take(2).ToList();
        return recorded.Count == 1 ? recorded[0][Key.Length..] : throw new InvalidDataException("trained-from.txt should have one 'inputs: ' line, the fingerprint of what the committed model was trained from.");
    }

    /// <summary>The machine a training runs on, as far as it changes what L-BFGS learns (<see cref="TrainingInputs"/>).</summary>
    public static string Machine => TrainingInputs.Machine;

    internal static PingModel TrainModel(IEnumerable<LabelledCorpus> corpora, TrainingOptions options) =>
        TrainModel([.. corpora.SelectMany(Rows)], options);

    /// <summary>The rows ML.NET learns from, one per sample: featurised once, so that leave-one-corpus-out can reuse them.</summary>
    internal static IReadOnlyList<TrainingRow> Rows(LabelledCorpus corpus)
    {
        var features = new List<int>(512);
        return [.. corpus.Samples.Select(sample => Row(sample, corpus.VaNames, features, corpus.InSendOrder))];
    }

    internal static PingModel TrainModel(IReadOnlyList<TrainingRow> rows, TrainingOptions options)
    {
        var context = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, PingFeatures.Dimension);
        // Cached: L-BFGS reads every row once per iteration, and reading them back from the enumerable each time was most
        // of a training's cost (7.6 s of CPU for the tool on 13,384 rows cached, about 10 s on 9,184 rows uncached). Same
        // rows in the same order: the same model, byte for byte.
        var weighted = options.Weighted ? [.. rows.Select(r => r.WithWeight(options.WeightOf((PingClass)r.Label, r.InSendOrder)))] : rows;
        var data = context.Data.Cache(context.Data.LoadFromEnumerable(weighted, schema));
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = options.Weighted ? nameof(TrainingRow.Weight) : null,
            L1Regularization = options.L1,
            L2Regularization = options.L2,
            MaximumNumberOfIterations = options.Iterations,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });
        var parameters = trainer.Fit(data).Model;

        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classes);
        if (classes != PingModel.Classes)
        {
            throw new InvalidOperationException($"ML.NET learned {classes} classes, expected {PingModel.Classes}.");
        }

        var weights = new float[PingFeatures.Dimension * PingModel.Classes];
        for (var c = 0; c < classes; c++)
        {
            foreach (var (feature, weight) in classWeights[c].Items())
            {
                weights[feature * PingModel.Classes + c] = weight;
            }
        }

        return new PingModel(PingFeatures.Bits, weights, [.. parameters.GetBiases()]);
    }

    private static TrainingRow Row(PingSample sample, IReadOnlyCollection<string> names, List<int> features, bool inSendOrder)
    {
        var normalized = TextNormalizer.Normalize(sample.Text, names);
        var used = new bool[normalized.TokenArray.Length];
        var rules = PingRules.Read(normalized, used);
        features.Clear();
        PingFeatures.Extract(normalized, rules, used, features);
        var value = PingFeatures.ValueOf(features.Count);
        var values = new float[features.Count];
        Array.Fill(values, value);
        return new TrainingRow
        {
            Label = (uint)sample.Expected,
            InSendOrder = inSendOrder,
            Features = new VBuffer<float>(PingFeatures.Dimension, features.Count, values, [.. features]),
        };
    }
}
