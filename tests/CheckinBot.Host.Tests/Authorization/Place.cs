using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;

namespace CheckinBot.Host.Tests.Authorization;

/// <summary>One workspace of <see cref="AuthorizationWorld"/>, with the ids a row's button values need.</summary>
public sealed class Place(string workspace)
{
    public string Workspace { get; } = workspace;
    public Guid CollaborationId { get; set; }
    public string OccurrenceId { get; set; } = "";
    public string PingId { get; set; } = "";

    /// <summary>A turn of <paramref name="person"/> in the shared channel of this workspace.</summary>
    public Task<IReadOnlyList<OutboundMessage>> SayAsync(AuthorizationWorld world, string person, string text, TurnKind kind = TurnKind.Command) =>
        world.HandleAsync(new ChatTurn
        {
            Platform = AuthorizationWorld.Platform,
            WorkspaceId = Workspace,
            ConversationId = AuthorizationWorld.Channel,
            Person = new ChatPerson(person, person, "Europe/Brussels", "en"),
            Kind = kind,
            Text = text,
            MessageId = Guid.NewGuid().ToString("N"),
        });
}
