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
/// <param name="StatusAboutOpenTask">
/// The least probability of a status check that is answered when the message is about one of the VA's open tasks
/// (<see cref="Rules.AboutOpenTask"/>); null when the rule is not used (then <see cref="Status"/> holds for every message).
/// Never above <see cref="Status"/>.
/// </param>
/// <param name="OpenTaskOnlyWhenAsked">Whether <see cref="StatusAboutOpenTask"/> holds only for a message that asks (a question mark).</param>
/// <param name="UrgentFollowingUrgent">
/// The least probability of urgency that is escalated when the message follows the same client's urgent message
/// moments ago (an open emergency) and is no status check; null when the rule is not used. Never above
/// <see cref="Urgent"/>.
/// </param>
public sealed record PingThresholds(float Status, float Urgent, float UrgentWhenTalkedAbout = 0.5f, float? StatusAboutOpenTask = null, bool OpenTaskOnlyWhenAsked = false, float? UrgentFollowingUrgent = null)
{
    /// <summary>
    /// The thresholds the bot runs with, read off the leave-one-corpus-out sweep that <c>--evaluate</c> prints.
    /// <list type="bullet">
    /// <item>Status 0.76: in session 13 (87 corpora) the lowest step at which status precision is at least 0.97 and
    /// other-taken-for-status at most 2% in every language. As corpora came in, that rule has read 0.73 to 0.82; 0.76 is
    /// kept, since every set written apart finds status checks too seldom rather than too often. Latest (session 31, 263
    /// corpora): the rule reads 0.70; at 0.76 P .979 / .978 / .983, R .916 / .918 / .934, other→status 1.5 / 1.6 / 1.2%.</item>
    /// <item>Urgent 0.20, for recall: urgent R .976 / .985 / .983 (session 31); 0.15 gives English .980 with 2.9% of other
    /// messages alerted instead of 2.3%, but the sets written apart lose more to false alerts than to missed emergencies.
    /// When the message talks about an urgent word, 0.5. An explicit urgent word escalates whatever the model says: it is
    /// a rule, not a threshold.</item>
    /// <item>About an open task, 0.25, for any message the rule finds about one, question mark or not: without it, status
    /// recall on the task-aware corpora was .74–.82 at precision 1.0 (session 13); from 0.25 it is above .90, with precision
    /// above .97. Many status checks about a task are said without a question mark.</item>
    /// <item>Following an urgent message, 0.02: the urgency of a follow-up ("try the work number on the form") lies in
    /// the message before it, which a classifier that reads one message cannot see. Session 37 chose it on the
    /// out-of-fold scores (ten groups of corpora) of the 96 fortnights whose rows are in the order they were sent: urgent
    /// R there .906 → .960, other messages given any bot message 3.3 → 3.9%; 0.05 gives .941 and 3.6%. Leave-one-corpus-out
    /// on the 530 corpora: urgent R .975 / .981 / .980 → .977 / .985 / .984; first measured on the 72 fortnights not yet
    /// trained on: .882 / .892 / .950 → .931 / .933 / .967, other messages given any bot message 3.2 → 3.9%.</item>
    /// </list>
    /// Each session's reading of the sweep, and what else was tried: <c>docs/ping-classifier-history.md</c>, "The
    /// thresholds and the test floors, session by session".
    /// </summary>
    public static PingThresholds Default { get; } = new(0.76f, 0.20f, UrgentWhenTalkedAbout: 0.5f, StatusAboutOpenTask: 0.25f, UrgentFollowingUrgent: 0.02f);

    /// <summary>
    /// The decision: a command is no ping; an explicit urgent word is urgent, unless the message laughs
    /// (<see cref="Rules.PingRules"/>); else
    /// urgent from <see cref="Urgent"/> (from <see cref="UrgentWhenTalkedAbout"/> when the message talks about an urgent
    /// word) unless the client said it can wait; else a status check from <see cref="Status"/>, or from
    /// <see cref="StatusAboutOpenTask"/> when the message is about an open task (and asks, with
    /// <see cref="OpenTaskOnlyWhenAsked"/>), unless it is addressed to someone else; else, when the message
    /// <paramref name="followsUrgent"/>, urgent from <see cref="UrgentFollowingUrgent"/> unless the client said it can
    /// wait; else silence. Urgency does not depend on open work; a status check in an emergency is still answered as one.
    /// </summary>
    internal PingClass Decide(float status, float urgent, Rules.RuleReading rules, bool followsUrgent = false) =>
        rules.Command ? PingClass.Other
        : rules.UrgentWordDecides ? PingClass.Urgent
        : urgent >= (rules.UrgentTalkedAbout ? Math.Max(Urgent, UrgentWhenTalkedAbout) : Urgent) && !rules.Calm ? PingClass.Urgent
        : status >= StatusFor(rules) && !rules.ToSomeoneElse ? PingClass.StatusCheck
        : followsUrgent && UrgentFollowingUrgent is { } bar && urgent >= Math.Min(bar, Urgent) && !rules.Calm ? PingClass.Urgent
        : PingClass.Other;

    /// <summary>The status threshold that holds for a message with these rule findings.</summary>
    private float StatusFor(Rules.RuleReading rules) =>
        StatusAboutOpenTask is { } lower && rules.AboutOpenTask && (rules.Asked || !OpenTaskOnlyWhenAsked) ? Math.Min(lower, Status) : Status;
}
