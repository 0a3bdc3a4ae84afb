namespace CheckinBot.Core.Pings.Classification;

/// <summary>One explainable rule: a pattern, what it argues for and how strongly.</summary>
/// <param name="Kind">What the rule argues for.</param>
/// <param name="Label">How the cue reads in a verdict, e.g. "status phrase".</param>
/// <param name="Weight">Strength; a class needs a total of 2 (urgent) or 2 and more than the counter-evidence (status).</param>
/// <param name="Pattern">The phrase pattern.</param>
/// <param name="NeedsQuestion">Only counts when the message is a question.</param>
internal sealed record CueRule(CueKind Kind, string Label, int Weight, CuePattern Pattern, bool NeedsQuestion)
{
    public static CueRule Status(int weight, string pattern, bool question = false) =>
        new(CueKind.Status, "status phrase", weight, CuePattern.Parse(pattern), question);

    public static CueRule Done(string pattern) =>
        new(CueKind.Status, "progress question", 2, CuePattern.Parse(pattern), true);

    public static CueRule Urgent(int weight, string pattern, string label = "urgent word") =>
        new(CueKind.Urgent, label, weight, CuePattern.Parse(pattern), false);

    public static CueRule Calm(string pattern) =>
        new(CueKind.Calm, "negated urgency", 0, CuePattern.Parse(pattern), false);

    public static CueRule Not(int weight, string label, string pattern) =>
        new(CueKind.NotStatus, label, weight, CuePattern.Parse(pattern), false);
}
