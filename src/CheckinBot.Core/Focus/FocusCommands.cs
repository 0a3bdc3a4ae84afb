using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Focus;

/// <summary>
/// Use case: the VA starts or ends a focus block. It holds for every collaboration she is the VA of in the workspace:
/// reminders wait until it ends, ping answers mention it (through <see cref="Collaboration.FocusedUntil"/>).
/// </summary>
public sealed class FocusCommands(ICollaborationStore collaborations) : ICommandHandler<FocusCommand>
{
    Task<IReadOnlyList<OutboundMessage>> ICommandHandler.HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        HandleAsync(context, (FocusCommand)command, cancellationToken);

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, FocusCommand focus, CancellationToken cancellationToken)
    {
        if (context.Side != Side.Va)
        {
            return [context.ToSender(context.Say("error.onlyVa"))];
        }

        var until = focus.Length is { } length ? context.Now + length : (NodaTime.Instant?)null;
        var turn = context.Turn;
        var hers = (await collaborations.ListForPersonAsync(turn.Platform, turn.WorkspaceId, context.Person.Id, cancellationToken))
            .Where(c => c.VaId == context.Person.Id)
            .Append(context.Collaboration!)
            .DistinctBy(c => c.Id);
        foreach (var collaboration in hers)
        {
            collaboration.FocusUntil = until;
            await collaborations.UpdateAsync(collaboration, cancellationToken);
        }

        return [context.ToSender(until is { } end
            ? context.Say("focus.started", TimeWords.Moment(context.Language, end, context.Now, context.Zone))
            : context.Say("focus.ended"))];
    }
}
