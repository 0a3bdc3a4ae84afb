namespace CheckinBot.Core.Messages;

/// <summary>
/// A reaction an adapter may put on a message instead of posting the bot message's text
/// (Slack renders a <see cref="MessageKind.PingAck"/> this way); platforms without reactions post the text.
/// </summary>
/// <param name="Name">The emoji's short name, as Slack spells it ("eyes").</param>
/// <param name="MessageId">The platform's id of the message to react to (Slack: its ts), in the address's conversation.</param>
public sealed record MessageReaction(string Name, string MessageId);
