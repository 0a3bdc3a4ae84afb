namespace CheckinBot.Core.Rhythms;

/// <summary>Where a rhythm stands in its agreement.</summary>
public enum RhythmState
{
    Proposed,
    Agreed,
    Paused,
    Retired,
    Declined,

    /// <summary>An open proposal replaced by a counter-proposal.</summary>
    Superseded,
}
