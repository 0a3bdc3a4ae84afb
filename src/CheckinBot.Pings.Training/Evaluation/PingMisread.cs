using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>A corpus row the classifier read differently from its label, with the cues it used.</summary>
public sealed record PingMisread(PingSample Sample, PingVerdict Verdict);
