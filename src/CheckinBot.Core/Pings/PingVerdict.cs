namespace CheckinBot.Core.Pings;

/// <summary>What the classifier decided about one message, and why.</summary>
/// <param name="Class">The decided class.</param>
/// <param name="Language">The language used for the decision: "nl", "en" or "fr" (the hint when one was given).</param>
/// <param name="Cues">Human-readable cues that decided, e.g. "urgent word: 'dringend'".</param>
public sealed record PingVerdict(PingClass Class, string Language, IReadOnlyList<string> Cues);
