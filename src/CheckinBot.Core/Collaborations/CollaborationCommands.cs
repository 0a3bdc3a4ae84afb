using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Collaborations;

/// <summary>Use cases: setting up a collaboration, and a person's own language and zone; for anyone.</summary>
public sealed class CollaborationCommands(ICollaborationStore collaborations, Introductions people)
    : ICommandHandler<SetupCommand>, ICommandHandler<LanguageCommand>, ICommandHandler<TimeZoneCommand>
{
    public const string DefaultZone = "Europe/Brussels";

    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        command is SetupCommand setup ? SetupAsync(context, setup, cancellationToken) : PersonalAsync(context, command, cancellationToken);

    public bool NeedsMembership(Command command) => false;

    public async Task<IReadOnlyList<OutboundMessage>> SetupAsync(TurnContext context, SetupCommand setup, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.IsDirect)
        {
            return [context.ToSender(context.Say("error.setupInDirect"))];
        }

        if (context.Collaboration is not null)
        {
            return [context.ToSender(context.Say("error.alreadySetUp"))];
        }

        if (setup.ClientId == context.Person.Id)
        {
            return [context.ToSender(context.Say("error.ownClient"))];
        }

        var mentioned = turn.MentionedNames.TryGetValue(setup.ClientId, out var name) ? name : null;
        var client = await people.IntroduceAsync(turn.Platform, turn.WorkspaceId, setup.ClientId, mentioned, cancellationToken);

        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = turn.Platform,
            WorkspaceId = turn.WorkspaceId,
            ConversationId = turn.ConversationId,
            VaId = context.Person.Id,
            ClientIds = [client.Id],
            TimeZone = setup.TimeZone ?? client.TimeZone ?? context.Person.TimeZone ?? DefaultZone,
            Language = setup.Language ?? client.Language ?? context.Person.Language ?? "en",
            CreatedAt = context.Now,
        };
        await collaborations.AddAsync(collaboration, cancellationToken);

        var text = Localizer.Get(collaboration.Language, "setup.done", context.Name, client.DisplayName);
        var created = new TurnContext { Turn = turn, Person = context.Person, Now = context.Now, Collaboration = collaboration };
        return [created.ToChannel(BotMessage.Of(MessageKind.Notice, text))];
    }

    public async Task<IReadOnlyList<OutboundMessage>> PersonalAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        var person = context.Person;
        string key;
        string? arg = null;
        switch (command)
        {
            case LanguageCommand language:
                person.Language = language.Language;
                key = "lang.done";
                break;
            case TimeZoneCommand zone:
                person.TimeZone = DateTimeZoneProviders.Tzdb[zone.Zone].Id;
                key = "tz.done";
                arg = person.TimeZone;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }

        await collaborations.SavePersonAsync(person, cancellationToken);
        return [context.ToSender(Localizer.Get(context.Language, key, arg))];
    }
}
