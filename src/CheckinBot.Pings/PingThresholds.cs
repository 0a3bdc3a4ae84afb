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
public sealed record PingThresholds(float Status, float Urgent, float UrgentWhenTalkedAbout = 0.5f, float? StatusAboutOpenTask = null, bool OpenTaskOnlyWhenAsked = false)
{
    /// <summary>
    /// The thresholds the bot runs with, read off the leave-one-corpus-out sweep (87 corpora, 33,416 rows, session 13).
    /// Status 0.76: the lowest step at which status precision is at least 0.97 and other-taken-for-status at most 2% in
    /// every language (en .978 / fr .972 / nl .981, other→status 1.5 / 1.9 / 1.4%), with recall .904 / .901 / .927. In
    /// session 12 no step met every French target and 0.75 was kept; the twelve task-aware conversations of session 13
    /// moved French other→status at 0.76 from 2.1% to 1.9%. Urgent 0.20, for recall: .968 / .978 / .980 with 2.3–3.7% of
    /// other messages raising a needless alert; 0.15 would give English .976 at 4.1%, 0.10 .980 at 5.8%. When the message
    /// talks about an urgent word, 0.5: 0.2 to 0.6 give the same figures on the 87 corpora. An explicit urgent word
    /// escalates whatever the model says: it is a rule, not a threshold.
    /// Since 15:21 the six files of session 13's held-out fortnight are trained on too (93 corpora, 33,896 rows): at 0.76
    /// French other→status is 2.1% (a named floor in the tests) and the sweep's rule reads 0.78, where French recall is
    /// .899; 0.76 is kept, since every set written apart finds status checks too seldom rather than too often.
    /// Session 14's three corpora of questions and remarks (96 corpora, 35,095 rows) bring the sweep's rule back to 0.76:
    /// P .977 / .971 / .980, R .909 / .905 / .932, other→status 1.5 / 2.0 / 1.4%, urgent R .966 / .979 / .982.
    /// With the emergencies and the held-out fortnight of session 14 (101 corpora, 36,293 rows) the sweep's rule reads 0.73
    /// (French P .971, other→status 2.0%, on the edge); 0.76 is kept: P .978 / .974 / .980, R .911 / .904 / .932,
    /// other→status 1.4 / 1.7 / 1.4%, urgent R .972 / .981 / .980.
    /// Session 15 added six corpora of long messages and of questions, and a held-out month (110 corpora, 38,995 rows): the
    /// sweep's rule reads 0.74 (en P .975, other→status 1.7%); 0.76 is kept: P .977 / .974 / .982, R .908 / .906 / .927,
    /// other→status 1.6 / 1.8 / 1.3%, urgent R .971 / .981 / .980.
    /// Session 16's twins (113 corpora, 40,056 rows: a question about a thing beside a question about the work on it) move
    /// the sweep's rule to 0.82, where recall falls to .889 / .885 / .912; 0.76 is kept: P .973 / .968 / .981, R .906 /
    /// .902 / .925, other→status 1.9 / 2.4 / 1.3%, urgent R .971 / .981 / .981. French misses precision and
    /// other→status at any step that keeps its recall: the twins' other questions are taken for status checks whatever
    /// the step, since a bag of words sees the same thing and a question mark in both. With session 16's held-out two
    /// weeks and the referral-line rule for "anything urgent" (116 corpora, 40,455 rows) the rule reads 0.81; 0.76 is kept:
    /// P .974 / .969 / .981, R .908 / .903 / .924, other→status 1.8 / 2.3 / 1.4%, urgent R .971 / .981 / .981.
    /// Session 17's three held-out sets and its rule mends (125 corpora, 41,736 rows; each step in the README): the rule
    /// reads 0.81 at every step; 0.76 is kept: P .974 / .970 / .982, R .909 / .905 / .926, other→status 1.8 / 2.3 / 1.3%,
    /// urgent R .971 / .982 / .981.
    /// Session 18's six held-out sets and its four rule mends (143 corpora, 44,276 rows; each step in the README): the
    /// rule reads 0.81, 0.82, then 0.79; 0.76 is kept: P .975 / .971 / .981, R .915 / .911 / .930, other→status 1.8 /
    /// 2.1 / 1.3%, urgent R .972 / .981 / .981.
    /// Session 19's May and September sets and French "où" kept apart from "ou" (149 corpora, 45,145 rows): the rule
    /// reads 0.77 before "où" and 0.75 with it; 0.76 is kept: P .976 / .974 / .981, R .915 / .911 / .930, other→status
    /// 1.7 / 1.9 / 1.3%, urgent R .973 / .982 / .981.
    /// Session 20's April, July, August and October sets (161 corpora, 46,873 rows): the rule reads 0.74; 0.76 is kept:
    /// P .975 / .974 / .981, R .915 / .912 / .930, other→status 1.8 / 1.9 / 1.4%, urgent R .972 / .982 / .982. With its
    /// trades and agencies sets (167 corpora, 47,750 rows) the rule reads 0.76: P .975 / .973 / .980, R .914 / .912 / .929,
    /// other→status 1.8 / 2.0 (128 of 6,443) / 1.4%, urgent R .972 / .981 / .981. Session 21's hospitality and
    /// practices sets (173 corpora, 48,625 rows): the rule reads 0.75; 0.76 is kept: P .975 / .973 / .980, R .913 / .914 /
    /// .929, other→status 1.8 / 1.9 / 1.4%, urgent R .973 / .980 / .981. Session 22's question words and progress word
    /// read only in the sentences that ask (the same 173 corpora): the rule reads 0.75; 0.76 is kept: P .975 / .974 /
    /// .981, R .916 / .916 / .931, other→status 1.8 / 1.9 (125 of 6,573) / 1.3%, urgent R .973 / .983 / .981. Session
    /// 23's plain-chat sets (176 corpora, 49,061 rows; an urgent word beside a laugh no longer decides alone): the rule
    /// reads 0.74 (French other→status 2.0% there); 0.76 is kept: P .974 / .975 / .981, R .918 / .916 / .932,
    /// other→status 1.8 / 1.8 / 1.3%, urgent R .975 / .982 / .983. Sessions 25 to 27's held-out sets (182, 188, 194 and
    /// 200 corpora): the rule reads 0.73, 0.75, 0.76 (0.77 before session 27's negation mend) and 0.75; 0.76 is kept;
    /// with 200 corpora at 0.76: P .976 / .974 / .982, R .915 / .919 / .931, other→status 1.7 / 1.9 / 1.3%, urgent R .974
    /// / .983 / .983. Session 28's offices, salons, tech and charities sets (212 corpora, 54,371 rows): the rule reads
    /// 0.75; 0.76 is kept: P .976 / .974 / .982, R .913 / .917 / .930, other→status 1.7 / 1.9 / 1.3%, urgent R .974 / .984
    /// / .983. Session 29's logistics and travel sets (218 corpora, 55,262 rows): the rule reads 0.74; 0.76 is kept: P
    /// .977 / .975 / .982, R .914 / .917 / .932, other→status 1.6 / 1.9 / 1.3%, urgent R .975 / .985 / .982. Urgent from
    /// 0.22, 0.25 or 0.30, urgent only when its probability is a share of the status probability, or a status probability
    /// above 0.5–0.7 winning over urgency: none raised urgent precision without taking English or French urgent recall
    /// further from the target (studied on the run's out-of-fold scores, `--scores`).
    /// <para>
    /// About an open task, 0.25, for any message the rule finds about one, question mark or not, chosen from the
    /// open-task sweep of a full leave-one-corpus-out run over 87 corpora (the 12 task-aware ones, 1,083 rows) with status
    /// at 0.75 (14:10), and measured again at 0.76 (14:47). At 0.76 without the rule, status recall there is .819 / .819 /
    /// .743 (en / fr / nl) at precision 1.0; from 0.25: precision .993 / .992 / 1.000, recall .944 / .910 / .903, other
    /// taken for status 0.6% / 0.6% / 0.0%. 0.20 also meets every target (French recall .924, English other-for-status
    /// 1.1%); 0.30 leaves Dutch recall at .889. Only when asked (a '?'), no step brought English or Dutch recall to .90
    /// (.868, .799 at 0.20, status 0.75): many status checks about a task are said without a question mark, so the lower
    /// threshold does not need one. The other 75 corpora name no open task and do not move.
    /// </para>
    /// </summary>
    public static PingThresholds Default { get; } = new(0.76f, 0.20f, UrgentWhenTalkedAbout: 0.5f, StatusAboutOpenTask: 0.25f);

    /// <summary>
    /// The decision: a command is no ping; an explicit urgent word is urgent, unless the message laughs
    /// (<see cref="Rules.PingRules"/>); else
    /// urgent from <see cref="Urgent"/> (from <see cref="UrgentWhenTalkedAbout"/> when the message talks about an urgent
    /// word) unless the client said it can wait; else a status check from <see cref="Status"/>, or from
    /// <see cref="StatusAboutOpenTask"/> when the message is about an open task (and asks, with
    /// <see cref="OpenTaskOnlyWhenAsked"/>); else silence. Urgency does not depend on open work.
    /// </summary>
    internal PingClass Decide(float status, float urgent, Rules.RuleReading rules) =>
        rules.Command ? PingClass.Other
        : rules.UrgentWordDecides ? PingClass.Urgent
        : urgent >= (rules.UrgentTalkedAbout ? Math.Max(Urgent, UrgentWhenTalkedAbout) : Urgent) && !rules.Calm ? PingClass.Urgent
        : status >= StatusFor(rules) ? PingClass.StatusCheck
        : PingClass.Other;

    /// <summary>The status threshold that holds for a message with these rule findings.</summary>
    private float StatusFor(Rules.RuleReading rules) =>
        StatusAboutOpenTask is { } lower && rules.AboutOpenTask && (rules.Asked || !OpenTaskOnlyWhenAsked) ? Math.Min(lower, Status) : Status;
}
