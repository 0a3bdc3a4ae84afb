using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Privacy;

/// <summary>Use cases: <c>export</c> (the collaboration's data for the requester) and <c>forget</c> (after a confirmation).</summary>
public sealed class PrivacyCommands(
    IRhythmStore rhythms,
    IOccurrenceLedger ledger,
    ITaskStore tasks,
    IPersonalDataStore personalData,
    IEnumerable<IExportSection> sections)
    : ICommandHandler<ExportCommand>, ICommandHandler<ForgetCommand>
{
    Task<IReadOnlyList<OutboundMessage>> ICommandHandler.HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        command is ForgetCommand forget ? ForgetAsync(context, forget, cancellationToken) : ExportAsync(context, cancellationToken);

    /// <summary>Anyone may ask to be forgotten, in or out of a collaboration.</summary>
    public bool NeedsMembership(Command command) => command is not ForgetCommand;

    /// <summary>Chat platforms cut long paragraphs (Slack at 3000 characters); the data goes out in pieces below that.</summary>
    public const int PieceLength = 2800;

    public async Task<IReadOnlyList<OutboundMessage>> ExportAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var allRhythms = await rhythms.ListWithTrailAsync(collaboration.Id, cancellationToken);
        var occurrences = await ledger.ListByCollaborationAsync(collaboration.Id, Instant.MinValue, context.Now + Duration.FromDays(1), cancellationToken);
        // The task log is the VA's: a client sees status and health, and `tasks` refuses him, so his export leaves it out.
        IReadOnlyList<WorkTask> allTasks = context.Side == Side.Va ? await tasks.ListAsync(collaboration.Id, cancellationToken) : [];
        var json = await DataExport.JsonAsync(collaboration, allRhythms, occurrences, allTasks, sections, context.Now, cancellationToken);
        var csv = DataExport.Csv(allRhythms, occurrences);

        var lines = new List<string> { context.Say("export.intro", allRhythms.Count, occurrences.Count, allTasks.Count), context.Say("export.json") };
        lines.AddRange(Pieces(json));
        lines.Add(context.Say("export.csv"));
        lines.AddRange(Pieces(csv));
        return [context.ToSender(new BotMessage(MessageKind.Reply, context.Say("export.title"), lines, []))];
    }

    public async Task<IReadOnlyList<OutboundMessage>> ForgetAsync(TurnContext context, ForgetCommand forget, CancellationToken cancellationToken)
    {
        if (!forget.Confirmed)
        {
            return [context.ToSender(new BotMessage(MessageKind.Reply, null, [context.Say("forget.ask")],
                [new MessageButton(ActionIds.ForgetConfirm, context.Say("button.forget"), "confirm")]))];
        }

        var pseudonym = "forgotten-" + Guid.NewGuid().ToString("N")[..8];
        var turn = context.Turn;
        var count = await personalData.ForgetAsync(turn.Platform, turn.WorkspaceId, context.Person.Id, pseudonym, cancellationToken);
        return [context.ToSender(context.Say("forget.done", count))];
    }

    private static IEnumerable<string> Pieces(string text)
    {
        for (var at = 0; at < text.Length; at += PieceLength)
        {
            yield return text.Substring(at, Math.Min(PieceLength, text.Length - at));
        }
    }
}
