using System.Text.Json.Nodes;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.Delivery;

/// <summary>Posts the core's messages to Slack: channel posts with occurrence metadata, ephemeral replies, direct messages.</summary>
public sealed class SlackChatGateway(
    SlackWebApi slack, SlackResponseUrls responseUrls, IServiceScopeFactory scopes, ILogger<SlackChatGateway> logger) : IChatGateway
{
    public string Platform => SlackPlatform.Name;

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await PostInsideAsync(message, cancellationToken);
        }
        catch (SlackApiException refused) when (refused.Error is "not_in_channel" or "channel_not_found" && message.OccurrenceKey is null
            && message.To is { DirectTo: null, ConversationId: { } channel } to && responseUrls.Take(to.WorkspaceId, channel, to.OnlyFor) is { } fallback)
        {
            // "/checkin" in a channel the bot was never invited to: answer through the command's response_url, and say how
            // to invite the bot. A reply for one person goes only through that person's own command.
            var language = await LanguageOfAsync(to.WorkspaceId, fallback.User, cancellationToken);
            var hint = Localizer.Get(language, "slack.notInChannel");
            var answer = message.Message with { Context = message.Message.Context is { } context ? $"{context}\n{hint}" : hint };
            await slack.RespondAsync(fallback.Url, BlockKit.Render(answer), onlyForSender: true, cancellationToken);
            logger.AnsweredOutsideChannel(message.Message.Kind, fallback.User, to.WorkspaceId, channel);
            return new PostReceipt("response_url");
        }
    }

    private async Task<PostReceipt> PostInsideAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var to = message.To;
        if (message.Message.Reaction is { } reaction && to.ConversationId is { } reacted && to.DirectTo is null)
        {
            // A light acknowledgement is a reaction on the person's message, not another message.
            await slack.AddReactionAsync(to.WorkspaceId, reacted, reaction.MessageId, reaction.Name, cancellationToken);
            return new PostReceipt(reaction.MessageId);
        }

        var body = BlockKit.Render(message.Message);
        if (to.ReplyAddress is { } reply && Uri.TryCreate(reply, UriKind.Absolute, out var replyUrl))
        {
            // The answer that did not make it inside the command's acknowledgement; not paced, like Slack does not limit it.
            await slack.RespondAsync(replyUrl, body, onlyForSender: to.OnlyFor is not null, cancellationToken);
            return new PostReceipt("response_url");
        }

        if (to.OnlyFor is { } person && to.ConversationId is { } conversation)
        {
            var ephemeralTs = await slack.PostEphemeralAsync(to.WorkspaceId, conversation, person, body, cancellationToken);
            logger.PostedEphemeral(message.Message.Kind, person, to.WorkspaceId, conversation);
            return new PostReceipt(ephemeralTs);
        }

        var channel = await ChannelOfAsync(to, cancellationToken);
        if (to.ThreadId is { } thread)
        {
            body["thread_ts"] = thread;
        }

        if (message.OccurrenceKey is { } key)
        {
            body["metadata"] = new JsonObject
            {
                ["event_type"] = SlackPlatform.OccurrenceEventType,
                ["event_payload"] = new JsonObject { [SlackPlatform.OccurrenceKeyField] = key },
            };
        }

        var ts = await slack.PostMessageAsync(to.WorkspaceId, channel, body, cancellationToken);
        logger.Posted(message.Message.Kind, ts, to.WorkspaceId, channel);
        return new PostReceipt(ts);
    }

    /// <summary>
    /// Reads the channel's history over the whole window, page by page, for the message whose metadata carries the
    /// occurrence key; found, it comes back with Slack's own time for it (its <c>ts</c>). A search Slack refuses (a missing
    /// history scope, a channel the bot left, a 429 beyond the retries) throws: the update is then not posted blind.
    /// </summary>
    public async Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        (await FindPostedManyAsync(where, [occurrenceKey], window, cancellationToken)).GetValueOrDefault(occurrenceKey);

    /// <summary>
    /// One read of the channel's history over the window, page by page, for every one of the occurrence keys: the posts
    /// of several occurrences in one channel cost one <c>conversations.history</c> read (a page per 200 messages), not one each.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PostReceipt>> FindPostedManyAsync(ChatAddress where, IReadOnlyCollection<string> occurrenceKeys, PostWindow window,
        CancellationToken cancellationToken)
    {
        var channel = await ChannelOfAsync(where, cancellationToken);
        try
        {
            var found = await slack.FindByOccurrencesAsync(where.WorkspaceId, channel, occurrenceKeys, window.From, window.To, cancellationToken);
            logger.LookedUp(occurrenceKeys.Count, found.Count, where.WorkspaceId, channel);
            return found.ToDictionary(f => f.Key, f => new PostReceipt(f.Value.Ts, f.Value.PostedAt), StringComparer.Ordinal);
        }
        catch (SlackApiException refused)
        {
            logger.SearchRefused(occurrenceKeys.Count, where.WorkspaceId, channel, refused.Error);
            throw;
        }
    }

    private async Task<string> LanguageOfAsync(string workspace, string user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var person = scope.ServiceProvider.GetService<ICollaborationStore>() is { } people
            ? await people.FindPersonAsync(Platform, workspace, user, cancellationToken)
            : null;
        return Localizer.Normalize(person?.Language);
    }

    /// <summary>The channel to post in: the address's conversation, or the direct conversation with a person (opened once, then remembered).</summary>
    private async Task<string> ChannelOfAsync(ChatAddress to, CancellationToken cancellationToken)
    {
        if (to.DirectTo is not { } person)
        {
            return to.ConversationId ?? throw new ArgumentException("A Slack address needs a conversation or a person.", nameof(to));
        }

        var key = $"dm:{person}";
        await using var scope = scopes.CreateAsyncScope();
        var references = scope.ServiceProvider.GetService<IConversationReferenceStore>();
        if (references is not null && await references.FindAsync(Platform, to.WorkspaceId, key, cancellationToken) is { Length: > 0 } known)
        {
            return known;
        }

        var opened = await slack.OpenDirectAsync(to.WorkspaceId, person, cancellationToken);
        if (references is not null)
        {
            await references.SaveAsync(Platform, to.WorkspaceId, key, opened, cancellationToken);
        }

        return opened;
    }
}
