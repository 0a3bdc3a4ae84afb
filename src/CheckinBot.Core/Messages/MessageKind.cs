namespace CheckinBot.Core.Messages;

/// <summary>Why the bot says something; adapters and the playground show it.</summary>
public enum MessageKind
{
    Reply,
    Update,
    Plan,
    Reminder,
    Notice,
    PingAnswer,
    PingAck,
    UrgentAlert,
}
