namespace CheckinBot.Core.Rhythms;

/// <summary>What happened to a rhythm, for its audit trail.</summary>
public enum RhythmAction
{
    Proposed,
    Accepted,
    Declined,
    Superseded,
    Paused,
    Resumed,
    Skipped,
    Retired,
}
