using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>One labelled message of a ping corpus.</summary>
/// <param name="Id">The row id, e.g. "d0042".</param>
/// <param name="Language">The language the row is labelled with ("nl", "en", "fr").</param>
/// <param name="Expected">The label.</param>
/// <param name="Text">The message.</param>
public sealed record PingSample(string Id, string Language, PingClass Expected, string Text);
