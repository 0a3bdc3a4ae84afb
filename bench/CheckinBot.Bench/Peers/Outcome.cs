namespace CheckinBot.Bench.Peers;

/// <summary>What became of one command or message: answered (in the acknowledgement or afterwards), busy, refused, or nothing in time.</summary>
internal enum OutcomeKind
{
    Answered,
    Busy,
    Refused,
    Unanswered,
    Failed,
}

/// <summary>An outcome and when it was seen (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), with the answer's text length.</summary>
internal readonly record struct Outcome(OutcomeKind Kind, long At, int Chars = 0);
