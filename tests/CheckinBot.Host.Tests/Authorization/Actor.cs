namespace CheckinBot.Host.Tests.Authorization;

/// <summary>Who tries a command: the columns of the authorization matrix.</summary>
public enum Actor
{
    /// <summary>Ina, the collaboration's VA, in its channel.</summary>
    Va,

    /// <summary>Tom, its client, in its channel.</summary>
    Client,

    /// <summary>Eve, in the channel but not in the collaboration.</summary>
    OtherMember,

    /// <summary>Someone of another workspace with the VA's very user id, in a conversation with the same id.</summary>
    OtherWorkspace,

    /// <summary>Noor, in no collaboration, in her direct conversation with the bot.</summary>
    Nobody,
}
