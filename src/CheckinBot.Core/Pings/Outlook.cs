using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>What a ping answer can promise about the next update.</summary>
public abstract record Outlook
{
    /// <summary>The next agreed occurrence.</summary>
    public sealed record Next(Instant Due) : Outlook;

    /// <summary>Every agreed rhythm is paused; updates resume at <paramref name="Resumes"/>, or at no known date when null.</summary>
    public sealed record Paused(Instant? Resumes) : Outlook;

    /// <summary>No rhythm is agreed yet.</summary>
    public sealed record NoRhythm : Outlook;
}
