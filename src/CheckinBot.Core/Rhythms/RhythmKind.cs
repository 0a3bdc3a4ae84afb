namespace CheckinBot.Core.Rhythms;

/// <summary>What an agreed moment is for.</summary>
public enum RhythmKind
{
    /// <summary>A progress update (end of day, midday).</summary>
    Update,

    /// <summary>The week plan.</summary>
    Plan,

    /// <summary>A short check-in.</summary>
    CheckIn,
}
