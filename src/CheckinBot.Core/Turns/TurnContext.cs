using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Turns;

/// <summary>Everything a command handler needs to know about the turn it answers.</summary>
public sealed class TurnContext
{
    public required ChatTurn Turn { get; init; }
    public required Person Person { get; init; }
    public required Instant Now { get; init; }

    /// <summary>The collaboration the turn belongs to, if any.</summary>
    public Collaboration? Collaboration { get; init; }

    /// <summary>The sender's side in <see cref="Collaboration"/>, or null.</summary>
    public Side? Side => Collaboration?.SideOf(Person.Id);

    /// <summary>The language to answer the sender in.</summary>
    public string Language => Localizer.Normalize(Person.Language ?? Collaboration?.Language);

    /// <summary>The zone to show the sender times in.</summary>
    public DateTimeZone Zone =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(Person.TimeZone ?? Collaboration?.TimeZone ?? "") ?? DateTimeZone.Utc;

    public string Name => string.IsNullOrEmpty(Person.DisplayName) ? Person.Id : Person.DisplayName;

    public string Say(string key, params object?[] args) => Localizer.Get(Language, key, args);

    /// <summary>A message only the sender sees: ephemeral in a shared conversation, plain in a direct one.</summary>
    public OutboundMessage ToSender(BotMessage message) =>
        new(Turn.IsDirect
                ? ChatAddress.Conversation(Turn.Platform, Turn.WorkspaceId, Turn.ConversationId)
                : ChatAddress.Ephemeral(Turn.Platform, Turn.WorkspaceId, Turn.ConversationId, Person.Id) with
                {
                    OnlyForName = string.IsNullOrWhiteSpace(Person.DisplayName) ? null : Person.DisplayName,
                },
            message);

    public OutboundMessage ToSender(string text) => ToSender(BotMessage.Of(MessageKind.Reply, text));

    /// <summary>A message to everyone in the conversation the turn happened in.</summary>
    public OutboundMessage ToConversation(BotMessage message) =>
        new(ChatAddress.Conversation(Turn.Platform, Turn.WorkspaceId, Turn.ConversationId), message);

    /// <summary>A message to everyone in the collaboration's shared conversation.</summary>
    public OutboundMessage ToChannel(BotMessage message)
    {
        var collaboration = Collaboration ?? throw new InvalidOperationException("No collaboration for this turn.");
        return new(ChatAddress.Conversation(collaboration.Platform, collaboration.WorkspaceId, collaboration.ConversationId), message);
    }
}
