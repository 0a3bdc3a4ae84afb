using System.Globalization;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Composes the answer to a status check, in the asker's language and zone: a greeting, what the VA is doing,
/// when the next update comes, and a way to say it is urgent. Several phrasings, chosen by <see cref="Variant"/>.
/// </summary>
public sealed record PingAnswer
{
    private const int Hellos = 3;
    private const int Plans = 3;
    private const int Tasks = 2;
    private const int Nexts = 3;

    public required string Language { get; init; }
    public required DateTimeZone Zone { get; init; }
    public required Instant Now { get; init; }
    public required string ClientName { get; init; }
    public required string VaName { get; init; }
    public required Outlook Outlook { get; init; }

    /// <summary>What the VA is doing; <see cref="WorkStatus.Unknown"/> when nothing is logged.</summary>
    public WorkStatus Work { get; init; } = WorkStatus.Unknown;

    /// <summary>Picks the phrasing; the number of pings so far keeps it deterministic and varied.</summary>
    public int Variant { get; init; }

    /// <summary>The ping this answers: the value of the "it's urgent" button.</summary>
    public required Guid PingId { get; init; }

    public BotMessage Compose()
    {
        var sentences = new List<string>(4) { Say("ping.hello." + Pick(Hellos), ClientName) };
        if (Outlook is Outlook.Paused paused)
        {
            sentences.Add(paused.Resumes is { } resumes
                ? Say("ping.paused", TimeWords.Moment(Language, resumes, Now, Zone), TimeWords.Relative(Language, resumes - Now))
                : Say("ping.pausedOpen", VaName));
        }
        else
        {
            sentences.Add(WorkSentence());
            sentences.Add(Outlook is Outlook.Next next
                ? Say("ping.next." + Pick(Nexts), TimeWords.Moment(Language, next.Due, Now, Zone), TimeWords.Relative(Language, next.Due - Now))
                : Say("ping.noRhythm"));
        }

        sentences.Add(Say("ping.offer", VaName));
        var button = new MessageButton(ActionIds.FlagUrgent, Say("button.urgent"), PingId.ToString("N", CultureInfo.InvariantCulture));
        return new BotMessage(MessageKind.PingAnswer, null, [string.Join(' ', sentences)], [button]);
    }

    private string WorkSentence()
    {
        if (Work.FocusUntil is { } until && until > Now)
        {
            return Work.Task is { } focused
                ? Say("ping.focusTask", VaName, focused, Clock(until))
                : Say("ping.focus", VaName, Clock(until));
        }

        if (Work.Task is { } task)
        {
            return Work.TaskSince is { } since
                ? Say("ping.task." + Pick(Tasks), VaName, task, Clock(since))
                : Say("ping.taskOnly", VaName, task);
        }

        return Say("ping.plan." + Pick(Plans), VaName);
    }

    /// <summary>"09:12" today; "tomorrow at 11:00" or a date otherwise.</summary>
    private string Clock(Instant when)
    {
        var local = when.InZone(Zone);
        return local.Date == Now.InZone(Zone).Date
            ? local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)
            : when > Now ? TimeWords.Moment(Language, when, Now, Zone) : TimeWords.Date(Language, local.Date);
    }

    private int Pick(int choices) => (Math.Abs(Variant) % choices) + 1;

    private string Say(string key, params object?[] args) => Localizer.Get(Language, key, args);
}
