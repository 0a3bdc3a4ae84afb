using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Occurrences;

/// <summary>Use cases: <c>status</c> (last and next update) and <c>next</c>.</summary>
public sealed class StatusCommands(Schedule schedule, IOccurrenceLedger ledger)
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var lines = new List<string> { await NextLineAsync(context, cancellationToken) };
        if (command is StatusCommand)
        {
            var last = await ledger.LastPostedAsync(collaboration.Id, cancellationToken);
            lines.Add(last?.PostedAt is { } at
                ? context.Say("status.last", TimeWords.Moment(context.Language, at, context.Now, context.Zone), last.Summary)
                : context.Say("status.noLast"));
        }

        return [context.ToSender(new BotMessage(MessageKind.Reply, null, lines, []))];
    }

    /// <summary>"Next update: today at 17:00 (in 2 hours)." in the sender's zone and language.</summary>
    public async Task<string> NextLineAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var next = await schedule.NextAsync(context.Collaboration!.Id, context.Now, cancellationToken);
        return next is { } n
            ? context.Say("status.next", $"{TimeWords.Moment(context.Language, n.Due, context.Now, context.Zone)} ({TimeWords.Relative(context.Language, n.Due - context.Now)})")
            : context.Say("status.noNext");
    }
}
