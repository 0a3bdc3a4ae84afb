namespace CheckinBot.Core.Pings.Classification;

/// <summary>What a cue argues for.</summary>
internal enum CueKind
{
    /// <summary>A question about progress.</summary>
    Status,

    /// <summary>Something that must reach the VA now.</summary>
    Urgent,

    /// <summary>Urgency explicitly denied ("niet dringend", "no rush"): silences the urgent words it covers.</summary>
    Calm,

    /// <summary>Evidence that the message is something else: work, an instruction, small talk, a command.</summary>
    NotStatus,
}
