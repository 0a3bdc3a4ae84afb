using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>A corpus row with what a model that never saw its corpus made of it.</summary>
/// <param name="Corpus">The corpus the row belongs to.</param>
/// <param name="Sample">The row.</param>
/// <param name="Reading">The model's probabilities, the rules, and the verdict at the thresholds used.</param>
/// <param name="FollowsUrgent">The row follows one decided urgent at the thresholds used, in a corpus in send order.</param>
internal sealed record ScoredSample(string Corpus, PingSample Sample, PingReading Reading, bool FollowsUrgent = false)
{
    /// <summary>The verdict at other thresholds, with the same reasons (and whether it follows an urgent row as decided at the thresholds used).</summary>
    public PingVerdict At(PingThresholds thresholds) =>
        Reading.Verdict with { Class = thresholds.Decide(Reading.Status, Reading.Urgent, Reading.Rules, FollowsUrgent) };
}
