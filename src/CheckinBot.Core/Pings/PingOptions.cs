using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>How pings are answered; bound from the <c>Pings</c> configuration section by the host.</summary>
public sealed class PingOptions
{
    /// <summary>At most one full answer per client per this window; pings inside it are acknowledged lightly.</summary>
    public Duration AnswerEvery { get; set; } = Duration.FromMinutes(30);

    /// <summary>A short "dringend"/"urgent" this soon after a full answer flags the question it answered.</summary>
    public Duration UrgentReplyWindow { get; set; } = Duration.FromHours(2);

    /// <summary>
    /// After a client's message was passed on as urgent, her messages this soon after it are read as part of the
    /// emergency: passed on too from a much lower probability of urgency (a follow-up such as "try the work number on
    /// the form"). Each one passed on keeps the emergency open this long again.
    /// </summary>
    public Duration UrgentFollowUpWindow { get; set; } = Duration.FromMinutes(10);

    /// <summary>The longest piece of the client's message quoted to the VA in an urgent alert.</summary>
    public int MaxQuoted { get; set; } = 1000;
}
