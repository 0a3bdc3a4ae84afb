using CheckinBot.Core.Pings;

namespace CheckinBot.Pings;

/// <summary>
/// Where the model's probabilities become decisions, in one place. A status check is answered only when its
/// probability clears <see cref="Status"/>, set high for precision (a wrong answer is noise in the client's
/// channel). Urgent is escalated from the lower <see cref="Urgent"/>, set for recall (a missed emergency costs more
/// than a needless alert). Between them the bot stays silent. Chosen from the leave-one-corpus-out sweep that
/// <c>tools/CheckinBot.PingTrain --evaluate</c> prints, never from the dev corpus.
/// </summary>
/// <param name="Status">The least probability of a status check that is answered.</param>
/// <param name="Urgent">The least probability of urgency that is escalated.</param>
public sealed record PingThresholds(float Status, float Urgent)
{
    /// <summary>
    /// The thresholds the bot runs with. Status 0.75: the lowest step of the sweep at which the leave-one-corpus-out
    /// status precision reached 0.97 and other-taken-for-status fell to 2% in every language (recall pays for it).
    /// Urgent 0.30: urgent recall about 0.95 with 3–4% of other messages raising a needless alert; 0.15 would reach
    /// 0.97–0.99 at the price of 8–9% needless alerts (see the sweep).
    /// </summary>
    public static PingThresholds Default { get; } = new(0.75f, 0.30f);

    /// <summary>
    /// The decision: a command is no ping; an explicit urgent word is urgent (<see cref="Rules.PingRules"/>); else
    /// urgent from <see cref="Urgent"/> unless the client said it can wait; else a status check from <see cref="Status"/>;
    /// else silence.
    /// </summary>
    internal PingClass Decide(float status, float urgent, Rules.RuleReading rules) =>
        rules.Command ? PingClass.Other
        : rules.UrgentWord ? PingClass.Urgent
        : urgent >= Urgent && !rules.Calm ? PingClass.Urgent
        : status >= Status ? PingClass.StatusCheck
        : PingClass.Other;
}
