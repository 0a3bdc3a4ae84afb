using System.Globalization;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Features;
using CheckinBot.Pings.Model;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings;

/// <summary>
/// The ping classifier: a linear model learned with ML.NET from the labelled corpora (the committed model file is
/// an embedded resource, loaded once), a few documented rules (<see cref="PingRules"/>), and the decision thresholds
/// of <see cref="PingThresholds"/>. Thread-safe; allocation-light.
/// </summary>
public sealed class LearnedPingClassifier : IPingClassifier
{
    private const string ResourceName = "CheckinBot.Pings.ping-model.bin";
    private const int MaxReasons = 5;

    [ThreadStatic]
    private static List<int>? t_features;

    internal PingModel Model { get; }

    internal LearnedPingClassifier(PingModel model, PingThresholds thresholds)
    {
        Model = model;
        Thresholds = thresholds;
    }

    /// <summary>The thresholds this classifier decides with.</summary>
    public PingThresholds Thresholds { get; }

    /// <summary>Loads the committed model from this assembly.</summary>
    /// <exception cref="InvalidDataException">The embedded model is missing or damaged (a build without the model file).</exception>
    public static LearnedPingClassifier Load(PingThresholds? thresholds = null)
    {
        using var stream = typeof(LearnedPingClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The ping model '{ResourceName}' is not embedded; run tools/CheckinBot.PingTrain.");
        return new LearnedPingClassifier(PingModel.Read(stream), thresholds ?? PingThresholds.Default);
    }

    /// <inheritdoc />
    public PingVerdict Classify(string text, string? language = null, PingAddressees? addressees = null, OpenWork? openWork = null, bool followsUrgent = false) =>
        Read(text, language, addressees, openWork, followsUrgent: followsUrgent).Verdict;

    /// <summary>
    /// Classifies one message and keeps the probabilities; <paramref name="featureNames"/> names the features in the
    /// reasons (evaluation only: names quote the message). <paramref name="openWork"/>, when given, is read by the rule
    /// <see cref="AboutOpenTask"/>; it never changes the model's probabilities. <paramref name="followsUrgent"/> lowers
    /// the bar for urgency (<see cref="PingThresholds.UrgentFollowingUrgent"/>), and changes nothing else.
    /// </summary>
    internal PingReading Read(string text, string? language, PingAddressees? addressees, OpenWork? openWork = null, Dictionary<int, string>? featureNames = null, bool followsUrgent = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text, addressees?.Names, addressees?.Ids);
        var detected = LanguageDetector.FromHint(language) ?? LanguageDetector.Detect(normalized);
        Span<bool> used = stackalloc bool[normalized.TokenArray.Length];
        var rules = PingRules.Read(normalized, used);
        if (openWork is not null)
        {
            rules = rules with { AboutOpenTask = AboutOpenTask.Matches(normalized, used, openWork.Titles, addressees?.Names) };
        }

        var features = t_features ??= new List<int>(512);
        features.Clear();
        PingFeatures.Extract(normalized, rules, used, features, featureNames);
        var value = PingFeatures.ValueOf(features.Count);
        Span<float> probabilities = stackalloc float[PingModel.Classes];
        Model.Score(features, value, probabilities);

        var status = probabilities[(int)PingClass.StatusCheck];
        var urgent = probabilities[(int)PingClass.Urgent];
        var decided = Thresholds.Decide(status, urgent, rules, followsUrgent);

        var reasons = new List<string>(MaxReasons + 4);
        reasons.AddRange(rules.Names());
        if (followsUrgent)
        {
            reasons.Add("follows an urgent message");
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"p(status) {status:0.00}, p(urgent) {urgent:0.00}"));
        AddHeaviest(features, value, decided, featureNames, reasons);
        var openWorkMatters = openWork is null && Thresholds.Decide(status, urgent, rules with { AboutOpenTask = true }, followsUrgent) != decided;
        var followingUrgentMatters = !followsUrgent && Thresholds.Decide(status, urgent, rules, followsUrgent: true) != decided;
        return new PingReading(new PingVerdict(decided, detected, reasons, openWorkMatters, followingUrgentMatters), status, urgent, rules);
    }

    /// <summary>The features that pushed most towards the decided class, against the mean of the classes.</summary>
    private void AddHeaviest(List<int> features, float value, PingClass decided, Dictionary<int, string>? featureNames, List<string> reasons)
    {
        Span<int> best = stackalloc int[MaxReasons];
        Span<float> weight = stackalloc float[MaxReasons];
        var count = 0;
        foreach (var feature in features)
        {
            var own = Model.Weight(feature, decided);
            var mean = (Model.Weight(feature, PingClass.Other) + Model.Weight(feature, PingClass.StatusCheck) + Model.Weight(feature, PingClass.Urgent)) / 3;
            var push = (own - mean) * value;
            if (push <= 0)
            {
                continue;
            }

            var at = count < MaxReasons ? count++ : MaxReasons - 1;
            if (at == MaxReasons - 1 && count == MaxReasons && push <= weight[at])
            {
                continue;
            }

            best[at] = feature;
            weight[at] = push;
            for (var i = at; i > 0 && weight[i] > weight[i - 1]; i--)
            {
                (best[i], best[i - 1]) = (best[i - 1], best[i]);
                (weight[i], weight[i - 1]) = (weight[i - 1], weight[i]);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var name = featureNames is not null && featureNames.TryGetValue(best[i], out var named) ? named : best[i].ToString("x5", CultureInfo.InvariantCulture);
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"feature {name} +{weight[i]:0.00}"));
        }
    }
}
