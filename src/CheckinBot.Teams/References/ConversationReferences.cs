using System.Text.Json;
using CheckinBot.Core.Workspaces;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;

namespace CheckinBot.Teams.References;

/// <summary>
/// The conversation references of Teams, over the core's <see cref="IConversationReferenceStore"/>. Keys: the
/// conversation id; <c>dm:</c> + person id for a person's personal conversation; <c>tenant</c> for the service URL and
/// bot of the tenant, to open a personal conversation with someone the bot has not talked to alone yet.
/// </summary>
internal sealed class ConversationReferences(IConversationReferenceStore store, ServiceUrlAllowList serviceUrls, SavedReferences saved, TimeProvider time)
{
    public const string TenantKey = "tenant";

    public static string DirectKey(string personId) => "dm:" + personId;

    public static string PostedKey(string occurrenceKey) => "posted:" + occurrenceKey;

    /// <summary>
    /// Remembers where an activity came from (and that the conversation is reachable again); a service URL that is not
    /// allowed is never kept, for the conversation nor for the tenant.
    /// </summary>
    public async Task RememberAsync(Activity activity, TeamsConversation place, CancellationToken cancellationToken)
    {
        if (!serviceUrls.Allows(activity.ServiceUrl))
        {
            return;
        }

        var reference = new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl!,
            ChannelId = activity.ChannelId,
            ConversationId = place.ConversationId,
            ConversationType = activity.Conversation?.ConversationType,
            TenantId = place.WorkspaceId,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = place.IsDirect ? activity.From?.Id : null,
            UserAadObjectId = place.IsDirect ? activity.From?.AadObjectId : null,
            Unreachable = activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove" or "remove-upgrade",
            UpdatedAt = time.GetUtcNow(),
        };

        await SaveChangedAsync(place.WorkspaceId, place.ConversationId, reference, cancellationToken);
        if (place.IsDirect && activity.From?.Id is { Length: > 0 } person)
        {
            await SaveChangedAsync(place.WorkspaceId, DirectKey(person), reference, cancellationToken);
        }

        await SaveChangedAsync(place.WorkspaceId, TenantKey, reference with { ConversationId = null, ConversationType = null, UserId = null, UserAadObjectId = null, Unreachable = false }, cancellationToken);
    }

    /// <summary>
    /// The reference kept under <paramref name="key"/>, reached through the tenant's newest service URL: the Bot
    /// Framework may move a tenant to another service URL, and the latest activity's is the one to use.
    /// </summary>
    public async Task<ConversationReference?> FindAsync(string workspaceId, string key, CancellationToken cancellationToken)
    {
        var reference = await ReadAsync(workspaceId, key, cancellationToken);
        if (reference is null || key == TenantKey)
        {
            return reference;
        }

        // Every activity writes the tenant's reference, so it always holds the newest service URL.
        return await ReadAsync(workspaceId, TenantKey, cancellationToken) is { } tenant
               && !string.Equals(tenant.ServiceUrl, reference.ServiceUrl, StringComparison.Ordinal)
            ? reference with { ServiceUrl = tenant.ServiceUrl }
            : reference;
    }

    private async Task<ConversationReference?> ReadAsync(string workspaceId, string key, CancellationToken cancellationToken)
    {
        if (saved.Find(workspaceId, key) is { } known)
        {
            return known;
        }

        var data = await store.FindAsync(TurnReader.Platform, workspaceId, key, cancellationToken);
        if (data is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(data, TeamsJson.Default.ConversationReference);
        }
        catch (JsonException)
        {
            return null; // written by an older version; the next activity writes it again
        }
    }

    public async Task SaveAsync(string workspaceId, string key, ConversationReference reference, CancellationToken cancellationToken)
    {
        await store.SaveAsync(TurnReader.Platform, workspaceId, key, JsonSerializer.Serialize(reference, TeamsJson.Default.ConversationReference), cancellationToken);
        saved.Wrote(workspaceId, key, reference);
    }

    /// <summary>Writes a reference an activity carried unless this node wrote the same one recently.</summary>
    private Task SaveChangedAsync(string workspaceId, string key, ConversationReference reference, CancellationToken cancellationToken) =>
        saved.Holds(workspaceId, key, reference) ? Task.CompletedTask : SaveAsync(workspaceId, key, reference, cancellationToken);

    public async Task MarkUnreachableAsync(string workspaceId, string key, CancellationToken cancellationToken)
    {
        if (await FindAsync(workspaceId, key, cancellationToken) is { } reference)
        {
            await SaveAsync(workspaceId, key, reference with { Unreachable = true, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }
    }
}
