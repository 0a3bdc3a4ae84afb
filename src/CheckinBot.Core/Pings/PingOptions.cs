using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>How pings are answered; bound from the <c>Pings</c> configuration section by the host.</summary>
public sealed class PingOptions
{
    /// <summary>At most one full answer per client per this window; pings inside it are acknowledged lightly.</summary>
    public Duration AnswerEvery { get; set; } = Duration.FromMinutes(30);

    /// <summary>A short "dringend"/"urgent" this soon after a full answer flags the question it answered.</summary>
    public Duration UrgentReplyWindow { get; set; } = Duration.FromHours(2);

    /// <summary>The longest piece of the client's message quoted to the VA in an urgent alert.</summary>
    public int MaxQuoted { get; set; } = 1000;
}
