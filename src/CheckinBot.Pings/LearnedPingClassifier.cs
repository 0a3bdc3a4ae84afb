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
        Span<bool> used = stackalloc bool[normalized.TokenArray.Length];
        var rules = ReadRules(normalized, used, addressees, openWork);

        var features = t_features ??= new List<int>(512);
        features.Clear();
        PingFeatures.Extract(normalized, rules, used, features, featureNames);
        var value = PingFeatures.ValueOf(features.Count);
        Span<float> probabilities = stackalloc float[PingModel.Classes];
        Model.Score(features, value, probabilities);

        var status = probabilities[(int)PingClass.StatusCheck];
        var urgent = probabilities[(int)PingClass.Urgent];
        var decided = Thresholds.Decide(status, urgent, rules, followsUrgent);
        var reasons = Reasons(rules, status, urgent, followsUrgent);
        AddHeaviest(features, value, decided, featureNames, reasons);
        return Reading(Thresholds, normalized, language, rules, status, urgent, followsUrgent, openWork, decided, reasons);
    }

    /// <summary>
    /// Reads a message again from the probabilities a model gave it before (a fold of a long evaluation kept in a
    /// folder, <c>KeptFolds</c>): the rules and the verdict are what <see cref="Read"/> gives with that model, and the
    /// reasons name no features, since the model is not at hand.
    /// </summary>
    internal static PingReading Reread(PingThresholds thresholds, string text, string? language, PingAddressees? addressees, OpenWork? openWork, float status, float urgent, bool followsUrgent)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text, addressees?.Names, addressees?.Ids);
        Span<bool> used = stackalloc bool[normalized.TokenArray.Length];
        var rules = ReadRules(normalized, used, addressees, openWork);
        var decided = thresholds.Decide(status, urgent, rules, followsUrgent);
        return Reading(thresholds, normalized, language, rules, status, urgent, followsUrgent, openWork, decided, Reasons(rules, status, urgent, followsUrgent));
    }

    private static RuleReading ReadRules(NormalizedText normalized, Span<bool> used, PingAddressees? addressees, OpenWork? openWork)
    {
        var rules = PingRules.Read(normalized, used);
        return openWork is null ? rules : rules with { AboutOpenTask = AboutOpenTask.Matches(normalized, used, openWork.Titles, addressees?.Names) };
    }

    /// <summary>The reasons every reading gives: the rules, an open emergency, the probabilities.</summary>
    private static List<string> Reasons(RuleReading rules, float status, float urgent, bool followsUrgent)
    {
        var reasons = new List<string>(MaxReasons + 4);
        reasons.AddRange(rules.Names());
        if (followsUrgent)
        {
            reasons.Add("follows an urgent message");
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"p(status) {status:0.00}, p(urgent) {urgent:0.00}"));
        return reasons;
    }

    private static PingReading Reading(PingThresholds thresholds, NormalizedText normalized, string? language, RuleReading rules, float status, float urgent, bool followsUrgent, OpenWork? openWork, PingClass decided, List<string> reasons)
    {
        var detected = LanguageDetector.FromHint(language) ?? LanguageDetector.Detect(normalized);
        var openWorkMatters = openWork is null && thresholds.Decide(status, urgent, rules with { AboutOpenTask = true }, followsUrgent) != decided;
        var followingUrgentMatters = !followsUrgent && thresholds.Decide(status, urgent, rules, followsUrgent: true) != decided;
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
