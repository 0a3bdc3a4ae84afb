using System.Text.Json.Nodes;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Workspaces;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;
using CheckinBot.Teams.References;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Sending;

/// <summary>The work of <see cref="TeamsGateway"/> within one scope.</summary>
internal sealed class TeamsPoster(
    ConnectorClient connector,
    ConversationReferences references,
    IConversationReferenceStore store,
    ICollaborationStore collaborations,
    ILogger<TeamsGateway> logger)
{
    private const string Platform = TurnReader.Platform;

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var to = message.To;
        var activity = Render(message);
        if (message.OccurrenceKey is { } intent)
        {
            // The intent, before the send: after a crash it tells "never sent" (posted again safely) from "sent, answer lost".
            await store.SaveAsync(Platform, to.WorkspaceId, ConversationReferences.PostedKey(intent), "", cancellationToken);
        }

        string id;
        if (to.DirectTo is { } person)
        {
            var direct = await OpenPersonalAsync(to.WorkspaceId, person, null, cancellationToken);
            id = await SendAsync(to.WorkspaceId, ConversationReferences.DirectKey(person), direct, direct.ConversationId!, activity, null, cancellationToken);
        }
        else if (to.OnlyFor is { } onlyFor && to.ConversationId is { } shared)
        {
            id = await PostOnlyForAsync(to, onlyFor, shared, message, activity, cancellationToken);
        }
        else
        {
            var conversation = to.ConversationId ?? throw new ArgumentException("A Teams message needs a conversation or a person.", nameof(message));
            var reference = await ReferenceAsync(to.WorkspaceId, conversation, cancellationToken);
            id = await SendAsync(to.WorkspaceId, conversation, reference, conversation, activity, to.ThreadId, cancellationToken);
        }

        if (message.OccurrenceKey is { } key)
        {
            await store.SaveAsync(Platform, to.WorkspaceId, ConversationReferences.PostedKey(key), id, cancellationToken);
        }

        return new PostReceipt(id);
    }

    /// <summary>
    /// Teams gives a bot no way to read a conversation's history, and the Bot Connector assigns activity ids itself, so a
    /// post cannot be searched for. Instead the intent is kept before each occurrence's send and the activity id once Teams
    /// answered. An id found: that post. No intent: it was never sent (null, post it). An intent without an id: the worker
    /// stopped while the send was in flight and nobody can know whether Teams took it; CheckinBot then sends again (null)
    /// rather than risk losing the update, so in that window an update can show twice. The records are kept by occurrence
    /// key, so the window is not needed.
    /// </summary>
    public async Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken)
    {
        var id = await store.FindAsync(Platform, where.WorkspaceId, ConversationReferences.PostedKey(occurrenceKey), cancellationToken);
        if (id is { Length: > 0 })
        {
            return new PostReceipt(id);
        }

        if (id is not null)
        {
            logger.SendUnconfirmed(occurrenceKey);
        }

        return null;
    }

    private static JsonObject Render(OutboundMessage message)
    {
        var activity = AdaptiveCards.Activity(message.Message);
        var data = new JsonObject();
        if (message.OccurrenceKey is { } key)
        {
            data["checkinbot"] = new JsonObject { ["occurrenceKey"] = key };
        }

        if (message.Message.Kind is MessageKind.Reminder or MessageKind.UrgentAlert)
        {
            data["notification"] = new JsonObject { ["alert"] = true };
        }

        if (data.Count > 0)
        {
            activity["channelData"] = data;
        }

        return activity;
    }

    private async Task<string> PostOnlyForAsync(ChatAddress to, string person, string shared, OutboundMessage message, JsonObject activity, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(to.WorkspaceId, shared, cancellationToken);
        if (string.Equals(reference.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            return await SendAsync(to.WorkspaceId, shared, reference, shared, activity, null, cancellationToken);
        }

        try
        {
            var direct = await OpenPersonalAsync(to.WorkspaceId, person, reference, cancellationToken);
            return await SendAsync(to.WorkspaceId, ConversationReferences.DirectKey(person), direct, direct.ConversationId!, activity, null, cancellationToken);
        }
        catch (TeamsCallException)
        {
            // Not installed for the person, or blocked by them: answer in the conversation, addressed to them.
            logger.DirectFallback(person, shared);
            // The name the turn carried; the store's only when the turn had none (a post not caused by this person's turn).
            var name = to.OnlyForName
                ?? (await collaborations.FindPersonAsync(Platform, to.WorkspaceId, person, cancellationToken))?.DisplayName;
            var addressed = Addressed(message.Message, person, name);
            return await SendAsync(to.WorkspaceId, shared, reference, shared, addressed, to.ThreadId, cancellationToken);
        }
    }

    /// <summary>The message as text that mentions the person it is for.</summary>
    private static JsonObject Addressed(BotMessage message, string person, string? displayName)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? person : displayName;
        var mention = $"<at>{System.Net.WebUtility.HtmlEncode(name)}</at>";
        var activity = AdaptiveCards.Activity(message);
        var text = System.Net.WebUtility.HtmlEncode(message.PlainText).Replace("\n", "<br>", StringComparison.Ordinal);
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "xml";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = mention,
            ["mentioned"] = new JsonObject { ["id"] = person, ["name"] = name },
        });
        activity.Remove("summary");
        return activity;
    }

    private async Task<ConversationReference> OpenPersonalAsync(string workspace, string person, ConversationReference? via, CancellationToken cancellationToken)
    {
        var key = ConversationReferences.DirectKey(person);
        if (await references.FindAsync(workspace, key, cancellationToken) is { ConversationId: not null } known)
        {
            return known.Unreachable ? throw new ConversationBlockedException(known.ConversationId, true) : known;
        }

        via ??= await references.FindAsync(workspace, ConversationReferences.TenantKey, cancellationToken)
            ?? throw new TeamsCallException($"No Teams activity was seen from tenant {workspace} yet; cannot open a personal conversation.");
        var id = await connector.CreatePersonalConversationAsync(via, workspace, person, cancellationToken);
        var direct = via with
        {
            ConversationId = id,
            ConversationType = "personal",
            UserId = person,
            UserAadObjectId = null,
            Unreachable = false,
        };
        await references.SaveAsync(workspace, key, direct, cancellationToken);
        return direct;
    }

    private async Task<ConversationReference> ReferenceAsync(string workspace, string conversation, CancellationToken cancellationToken) =>
        await references.FindAsync(workspace, conversation, cancellationToken)
        ?? throw new TeamsCallException($"No Teams activity was seen from conversation {conversation} yet; cannot post there.");

    private async Task<string> SendAsync(string workspace, string key, ConversationReference reference, string conversation, JsonObject activity,
        string? replyTo, CancellationToken cancellationToken)
    {
        if (reference.Unreachable)
        {
            throw new ConversationBlockedException(conversation, true);
        }

        try
        {
            return await connector.SendAsync(reference, conversation, activity, replyTo, cancellationToken);
        }
        catch (ConversationBlockedException)
        {
            logger.Unreachable(conversation);
            await references.MarkUnreachableAsync(workspace, key, cancellationToken);
            if (!key.StartsWith("dm:", StringComparison.Ordinal))
            {
                await TellVaAsync(workspace, conversation, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>Tells the VA of the conversation's collaboration, in her personal conversation, that it cannot be reached.</summary>
    private async Task TellVaAsync(string workspace, string conversation, CancellationToken cancellationToken)
    {
        try
        {
            var collaboration = await collaborations.FindByConversationAsync(Platform, workspace, conversation, cancellationToken);
            if (collaboration is null)
            {
                return;
            }

            var va = await collaborations.FindPersonAsync(Platform, workspace, collaboration.VaId, cancellationToken);
            var notice = UnreachableNotice.For(va?.Language ?? collaboration.Language, null);
            var direct = await OpenPersonalAsync(workspace, collaboration.VaId, null, cancellationToken);
            await connector.SendAsync(direct, direct.ConversationId!, AdaptiveCards.Activity(notice), null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Where the VA cannot be reached either, the failed delivery is what remains.
        }
    }
}
