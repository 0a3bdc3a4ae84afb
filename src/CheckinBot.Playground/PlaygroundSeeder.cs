using CheckinBot.Core.Collaborations;
using NodaTime;

namespace CheckinBot.Playground;

/// <summary>Makes sure the playground's VA, client and their collaboration exist, with the configured names, zones and languages.</summary>
public sealed class PlaygroundSeeder(ICollaborationStore collaborations, PlaygroundOptions options, TimeProvider time)
{
    public const string VaId = "va";
    public const string ClientId = "client";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SavePersonAsync(VaId, options.Va, cancellationToken);
        await SavePersonAsync(ClientId, options.Client, cancellationToken);

        var existing = await collaborations.FindByConversationAsync(PlaygroundOptions.Platform, PlaygroundOptions.Workspace, PlaygroundOptions.Channel, cancellationToken);
        if (existing is null)
        {
            await collaborations.AddAsync(new Collaboration
            {
                Id = Guid.NewGuid(),
                Platform = PlaygroundOptions.Platform,
                WorkspaceId = PlaygroundOptions.Workspace,
                ConversationId = PlaygroundOptions.Channel,
                VaId = VaId,
                ClientIds = [ClientId],
                TimeZone = options.Client.TimeZone,
                Language = options.Client.Language,
                CreatedAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
            }, cancellationToken);
        }
    }

    private async Task SavePersonAsync(string id, PlaygroundPerson configured, CancellationToken cancellationToken)
    {
        var person = await collaborations.FindPersonAsync(PlaygroundOptions.Platform, PlaygroundOptions.Workspace, id, cancellationToken)
            ?? new Person { Platform = PlaygroundOptions.Platform, WorkspaceId = PlaygroundOptions.Workspace, Id = id };
        person.DisplayName = configured.Name;
        person.TimeZone = configured.TimeZone;
        person.Language = configured.Language;
        await collaborations.SavePersonAsync(person, cancellationToken);
    }
}
