using CheckinBot.Core.Commands;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Use case: an urgent message reaches the VA at once, in a direct message, through any focus block;
/// the client is told it was passed on.
/// </summary>
public sealed class UrgentEscalation(ICollaborationStore collaborations, IPingLog pings, PingOptions options) : ICommandHandler<FlagUrgentCommand>
{
    Task<IReadOnlyList<OutboundMessage>> ICommandHandler.HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        FlagByButtonAsync(context, ((FlagUrgentCommand)command).PingId, cancellationToken);

    /// <summary>Passes an urgent message on, quoting it, and records it; a <paramref name="followUp"/> of an open emergency is quoted as more of it.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> PassOnAsync(TurnContext context, PingVerdict verdict, CancellationToken cancellationToken, bool followUp = false)
    {
        var collaboration = context.Collaboration!;
        var link = PingReplies.LinkOf(context);
        await pings.AddAsync(new Ping
        {
            Id = Guid.NewGuid(),
            CollaborationId = collaboration.Id,
            PersonId = context.Person.Id,
            At = context.Now,
            Class = PingClass.Urgent,
            Outcome = PingOutcome.PassedOn,
            Language = verdict.Language,
            MessageLink = link,
            EscalatedAt = context.Now,
        }, cancellationToken);

        var va = await VaAsync(collaboration, cancellationToken);
        var language = Localizer.Normalize(va.Language ?? collaboration.Language);
        var lines = new List<string> { Localizer.Get(language, followUp ? "urgent.more" : "urgent.alert", context.Name, Quote(context.Turn.Text)) };
        AddLink(lines, language, link);
        return Alert(context, collaboration, lines, va);
    }

    /// <summary>The client flagged an earlier question as urgent (the button, or answering "dringend").</summary>
    public async Task<IReadOnlyList<OutboundMessage>> FlagAsync(TurnContext context, Ping ping, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var va = await VaAsync(collaboration, cancellationToken);
        if (!await pings.MarkEscalatedAsync(ping.Id, context.Now, cancellationToken))
        {
            return [PingReplies.InThread(context, BotMessage.Of(MessageKind.Reply, context.Say("urgent.alreadyPassedOn", Name(va))))];
        }

        var language = Localizer.Normalize(va.Language ?? collaboration.Language);
        var lines = new List<string> { Localizer.Get(language, "urgent.flagged", context.Name) };
        AddLink(lines, language, ping.MessageLink);
        return Alert(context, collaboration, lines, va);
    }

    /// <summary>A click on the "it's urgent" button under a ping answer.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> FlagByButtonAsync(TurnContext context, Guid pingId, CancellationToken cancellationToken)
    {
        if (context.Side != Side.Client)
        {
            return [context.ToSender(context.Say("urgent.onlyClient"))];
        }

        var ping = await pings.GetAsync(pingId, cancellationToken);
        if (ping is null || ping.CollaborationId != context.Collaboration!.Id)
        {
            return [context.ToSender(context.Say("urgent.unknown"))];
        }

        return await FlagAsync(context, ping, cancellationToken);
    }

    private static IReadOnlyList<OutboundMessage> Alert(TurnContext context, Collaboration collaboration, List<string> lines, Person va)
    {
        var alert = new OutboundMessage(
            ChatAddress.Direct(collaboration.Platform, collaboration.WorkspaceId, collaboration.VaId),
            new BotMessage(MessageKind.UrgentAlert, null, lines, []));
        var told = PingReplies.InThread(context, BotMessage.Of(MessageKind.Reply, context.Say("urgent.passedOn", Name(va))));
        return [alert, told];
    }

    private static void AddLink(List<string> lines, string language, string? link)
    {
        if (!string.IsNullOrEmpty(link))
        {
            lines.Add(Localizer.Get(language, "urgent.link", link));
        }
    }

    private string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= options.MaxQuoted ? trimmed : string.Concat(trimmed.AsSpan(0, options.MaxQuoted), "…");
    }

    private async Task<Person> VaAsync(Collaboration collaboration, CancellationToken cancellationToken) =>
        await collaborations.FindPersonAsync(collaboration.Platform, collaboration.WorkspaceId, collaboration.VaId, cancellationToken)
        ?? new Person { Platform = collaboration.Platform, WorkspaceId = collaboration.WorkspaceId, Id = collaboration.VaId, DisplayName = collaboration.VaId };

    private static string Name(Person person) => string.IsNullOrEmpty(person.DisplayName) ? person.Id : person.DisplayName;
}
