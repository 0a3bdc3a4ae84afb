namespace CheckinBot.Core.Conversations;

/// <summary>What kind of inbound event a turn is.</summary>
public enum TurnKind
{
    /// <summary>A <c>/checkin</c> command (Slack slash command, Teams mention, playground text).</summary>
    Command,

    /// <summary>An ordinary message in a conversation the bot reads.</summary>
    Message,

    /// <summary>A button click on a message the bot posted.</summary>
    Action,

    /// <summary>The bot was added to a conversation or workspace.</summary>
    Install,
}
