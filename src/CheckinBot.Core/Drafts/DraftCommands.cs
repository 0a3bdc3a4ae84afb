using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Drafts;

/// <summary>Use case: the VA writes or reads the draft of her next update.</summary>
public sealed class DraftCommands(IDraftStore drafts, Schedule schedule) : ICommandHandler<DraftCommand>
{
    Task<IReadOnlyList<OutboundMessage>> ICommandHandler.HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        HandleAsync(context, (DraftCommand)command, cancellationToken);

    /// <summary>A draft is a short update, not a document.</summary>
    public const int MaxLength = 1500;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, DraftCommand command, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        if (context.Side != Side.Va)
        {
            return [context.ToSender(context.Say("error.onlyVa"))];
        }

        if (command.Text is null)
        {
            var draft = await drafts.GetAsync(collaboration.Id, cancellationToken);
            return [context.ToSender(draft is null
                ? BotMessage.Of(MessageKind.Reply, context.Say("draft.none"))
                : new BotMessage(MessageKind.Reply, null, [context.Say("draft.show", draft), context.Say("draft.replace")], []))];
        }

        if (command.Text.Length > MaxLength)
        {
            return [context.ToSender(context.Say("problem.tooLong"))];
        }

        await drafts.SetAsync(collaboration.Id, command.Text, context.Now, cancellationToken);
        var next = await schedule.NextAsync(collaboration.Id, context.Now, cancellationToken);
        return [context.ToSender(next is { } n
            ? context.Say("draft.saved", TimeWords.Moment(context.Language, n.Due, context.Now, context.Zone))
            : context.Say("draft.savedNoNext"))];
    }
}
