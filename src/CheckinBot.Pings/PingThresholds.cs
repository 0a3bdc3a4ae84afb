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
/// <param name="UrgentWhenTalkedAbout">The least probability of urgency that is escalated when the message talks about an urgent word rather than uses it.</param>
public sealed record PingThresholds(float Status, float Urgent, float UrgentWhenTalkedAbout = 0.5f)
{
    /// <summary>
    /// The thresholds the bot runs with, read off the leave-one-corpus-out sweep (60 corpora, 25,247 rows, session 10).
    /// Status 0.76: the lowest step at which status precision is at least 0.97 and other-taken-for-status at most 2% in
    /// every language (en .978 / 1.5%, fr .974 / 2.0%, nl .982 / 1.3%), with status recall .904 / .900 / .927; 0.78 had
    /// .899 / .893 / .924. Urgent 0.20, for recall: .975 / .980 / .982 with 3.2–3.6% of other messages raising a needless
    /// alert; 0.15 would reach .981 / .987 / .985 at 3.2–4.5%. When the message talks about an urgent word, 0.5: every
    /// step from 0.3 to 0.8 gave the same figures, two needless alerts fewer than 0.20 at the same recall. An explicit
    /// urgent word escalates whatever the model says: it is a rule, not a threshold.
    /// </summary>
    public static PingThresholds Default { get; } = new(0.76f, 0.20f, UrgentWhenTalkedAbout: 0.5f);

    /// <summary>
    /// The decision: a command is no ping; an explicit urgent word is urgent (<see cref="Rules.PingRules"/>); else
    /// urgent from <see cref="Urgent"/> (from <see cref="UrgentWhenTalkedAbout"/> when the message talks about an urgent
    /// word) unless the client said it can wait; else a status check from <see cref="Status"/>; else silence.
    /// </summary>
    internal PingClass Decide(float status, float urgent, Rules.RuleReading rules) =>
        rules.Command ? PingClass.Other
        : rules.UrgentWord ? PingClass.Urgent
        : urgent >= (rules.UrgentTalkedAbout ? Math.Max(Urgent, UrgentWhenTalkedAbout) : Urgent) && !rules.Calm ? PingClass.Urgent
        : status >= Status ? PingClass.StatusCheck
        : PingClass.Other;
}
