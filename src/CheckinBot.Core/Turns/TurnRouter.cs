using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The core's entry for every inbound turn: knows the person, finds the collaboration, and hands the turn to the
/// handler of its command's type (a table, no catch-all), or a plain message to the message handler.
/// </summary>
public sealed class TurnRouter(
    CommandTable commands,
    Introductions people,
    ICollaborationStore collaborations,
    IMessageHandler messages,
    TimeProvider time,
    RecentReads? recent = null)
{
    /// <summary>The last turn parsed and its command, in one reference so that a router shared by mistake never mixes two turns.</summary>
    private Parsed? parsed;

    /// <summary>
    /// Answers a turn with the messages it causes; the caller posts them. A command that only reads is answered from what
    /// the store and the turn know of the sender; its sender is introduced afterwards (<see cref="Introductions.RecallSenderAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        using var activity = TurnTelemetry.StartHandle(turn);
        if (turn.Person.IsBot)
        {
            return [];
        }

        var command = CommandOf(turn);
        var onlyReads = command is not null && commands.OnlyReads(command);
        var person = onlyReads ? await people.RecallSenderAsync(turn, cancellationToken) : await people.KnowSenderAsync(turn, cancellationToken);
        if (person is null)
        {
            return [];
        }

        var collaboration = onlyReads && recent is not null && !turn.IsDirect
            ? await recent.CollaborationInAsync(turn.Platform, turn.WorkspaceId, turn.ConversationId, (collaborations, turn, cancellationToken),
                static read => read.collaborations.FindByConversationAsync(read.turn.Platform, read.turn.WorkspaceId, read.turn.ConversationId, read.cancellationToken))
            : await FindCollaborationAsync(turn, cancellationToken);
        var context = new TurnContext { Turn = turn, Person = person, Now = Instant.FromDateTimeOffset(time.GetUtcNow()), Collaboration = collaboration };
        if (command is not null)
        {
            // What a command writes, the stores forget from the recent reads once committed.
            return await RunAsync(context, command, cancellationToken);
        }

        return turn.Kind switch
        {
            TurnKind.Message => collaboration is null && !turn.IsDirect ? [] : await messages.HandleAsync(context, cancellationToken),
            TurnKind.Install => [context.ToConversation(Usage.Help(context))],
            _ => [],
        };
    }

    /// <summary>
    /// True when the turn is a command (or a message that reads as one) whose handler only reads (<c>help</c>,
    /// <c>status</c>, a usage error, …).
    /// </summary>
    public bool OnlyReads(ChatTurn turn) => turn.Kind != TurnKind.Action && CommandOf(turn) is { } command && commands.OnlyReads(command);

    /// <summary>The command a turn gives: a slash command, a message that reads as one, or a button's command; null otherwise.</summary>
    private Command? CommandOf(ChatTurn turn)
    {
        // Parsed once a turn: the dispatcher asks whether it only reads, then the router answers it (a router lives
        // for one turn, in its scope).
        if (parsed is { } last && ReferenceEquals(last.Turn, turn))
        {
            return last.Command;
        }

        var command = Parse(turn);
        parsed = new Parsed(turn, command);
        return command;
    }

    private sealed record Parsed(ChatTurn Turn, Command? Command);

    private static Command? Parse(ChatTurn turn) => turn.Kind switch
    {
        TurnKind.Command => CommandParser.Parse(turn.Text),
        TurnKind.Message when CommandParser.ReadsAsCommand(turn.Text, turn.AddressesBot) => CommandParser.Parse(turn.Text),
        TurnKind.Action => ActionCommands.Of(turn),
        _ => null,
    };

    /// <summary>The one line for a turn that lost a race with another turn twice: nothing was done, try again.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> AnswerConcurrentChangeAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var person = await collaborations.FindPersonAsync(turn.Platform, turn.WorkspaceId, turn.Person.Id, cancellationToken)
            ?? new Person { Platform = turn.Platform, WorkspaceId = turn.WorkspaceId, Id = turn.Person.Id, Language = turn.Person.Language };
        var context = new TurnContext
        {
            Turn = turn,
            Person = person,
            Now = Instant.FromDateTimeOffset(time.GetUtcNow()),
            Collaboration = await FindCollaborationAsync(turn, cancellationToken),
        };
        return [context.ToSender(context.Say("error.concurrentChange"))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> RunAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        TurnTelemetry.TagCommand(command);
        var handler = commands.For(command);
        if (handler.NeedsMembership(command))
        {
            if (context.Collaboration is null)
            {
                return [context.ToSender(context.Say("error.noCollaboration"))];
            }

            if (context.Side is null)
            {
                return [context.ToSender(context.Say("error.notAMember"))];
            }
        }

        return await handler.HandleAsync(context, command, cancellationToken);
    }

    private async Task<Collaboration?> FindCollaborationAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var here = await collaborations.FindByConversationAsync(turn.Platform, turn.WorkspaceId, turn.ConversationId, cancellationToken);
        if (here is not null || !turn.IsDirect)
        {
            return here;
        }

        // In a direct conversation, the person's own collaboration (the first, when there are several).
        var theirs = await collaborations.ListForPersonAsync(turn.Platform, turn.WorkspaceId, turn.Person.Id, cancellationToken);
        return theirs.Count > 0 ? theirs[0] : null;
    }
}
