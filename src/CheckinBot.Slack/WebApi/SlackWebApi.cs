using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Slack.WebApi;

/// <summary>The Web API methods the bot uses, each with the workspace's bot token.</summary>
public sealed class SlackWebApi(SlackApiClient client, SlackTokens tokens, ChannelPacer pacer)
{
    /// <summary><c>chat.postMessage</c>: returns the message's <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string workspace, string channel, JsonObject message, CancellationToken cancellationToken)
    {
        message["channel"] = channel;
        await pacer.WaitTurnAsync(workspace, channel, cancellationToken);
        var answer = await client.CallJsonAsync("chat.postMessage", await tokens.ForWorkspaceAsync(workspace, cancellationToken), message, cancellationToken);
        return answer.Str("ts") ?? throw new SlackApiException("chat.postMessage", "missing_ts");
    }

    /// <summary><c>chat.postEphemeral</c>: returns the <c>message_ts</c> Slack gives it. Not paced: Slack's one message a second per channel is for <c>chat.postMessage</c>.</summary>
    public async Task<string> PostEphemeralAsync(string workspace, string channel, string user, JsonObject message, CancellationToken cancellationToken)
    {
        message["channel"] = channel;
        message["user"] = user;
        var answer = await client.CallJsonAsync("chat.postEphemeral", await tokens.ForWorkspaceAsync(workspace, cancellationToken), message, cancellationToken);
        return answer.Str("message_ts") ?? "";
    }

    /// <summary>An answer through a slash command's <c>response_url</c>, which works where the bot is no member.</summary>
    public async Task RespondAsync(Uri responseUrl, JsonObject message, bool onlyForSender, CancellationToken cancellationToken)
    {
        message["response_type"] = onlyForSender ? "ephemeral" : "in_channel";
        await client.RespondAsync(responseUrl, message, cancellationToken);
    }

    /// <summary><c>chat.update</c> of a message the bot posted.</summary>
    public async Task UpdateAsync(string workspace, string channel, string ts, JsonObject message, CancellationToken cancellationToken)
    {
        message["channel"] = channel;
        message["ts"] = ts;
        await client.CallJsonAsync("chat.update", await tokens.ForWorkspaceAsync(workspace, cancellationToken), message, cancellationToken);
    }

    /// <summary><c>reactions.add</c>; an emoji already there is not an error.</summary>
    public async Task AddReactionAsync(string workspace, string channel, string ts, string name, CancellationToken cancellationToken)
    {
        try
        {
            var body = new JsonObject { ["channel"] = channel, ["timestamp"] = ts, ["name"] = name };
            await client.CallJsonAsync("reactions.add", await tokens.ForWorkspaceAsync(workspace, cancellationToken), body, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error == "already_reacted")
        {
        }
    }

    /// <summary><c>conversations.open</c> with one person: the id of the bot's direct conversation with them.</summary>
    public async Task<string> OpenDirectAsync(string workspace, string user, CancellationToken cancellationToken)
    {
        var answer = await client.CallJsonAsync("conversations.open", await tokens.ForWorkspaceAsync(workspace, cancellationToken),
            new JsonObject { ["users"] = user }, cancellationToken);
        return answer.Obj("channel").Str("id") ?? throw new SlackApiException("conversations.open", "missing_channel");
    }

    /// <summary>
    /// <c>conversations.history</c> with metadata, page by page through the window from <paramref name="oldest"/> to
    /// <paramref name="latest"/>, each page paced within the workspace's history limit: the bot's messages in
    /// <paramref name="channel"/> whose metadata carries one of <paramref name="occurrenceKeys"/>, by key. One read serves
    /// every key; it stops as soon as each key is found. A refused or failed page throws: "not found" is said only after
    /// every page was read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SlackMessageRef>> FindByOccurrencesAsync(string workspace, string channel, IReadOnlyCollection<string> occurrenceKeys,
        DateTimeOffset oldest, DateTimeOffset latest, CancellationToken cancellationToken)
    {
        var wanted = occurrenceKeys.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, SlackMessageRef>(StringComparer.Ordinal);
        var token = await tokens.ForWorkspaceAsync(workspace, cancellationToken);
        string? cursor = null;
        do
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("channel", channel),
                new("include_all_metadata", "true"),
                new("inclusive", "true"),
                new("oldest", SlackTimestamps.Format(oldest)),
                new("latest", SlackTimestamps.Format(latest)),
                new("limit", "200"),
            };
            if (cursor is not null)
            {
                fields.Add(new("cursor", cursor));
            }

            await pacer.WaitLookupTurnAsync(workspace, cancellationToken);
            var answer = await client.CallFormAsync("conversations.history", token, fields, idempotent: true, cancellationToken);
            if (answer.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in messages.EnumerateArray())
                {
                    var metadata = message.Obj("metadata");
                    if (metadata.Str("event_type") == SlackPlatform.OccurrenceEventType &&
                        metadata.Obj("event_payload").Str(SlackPlatform.OccurrenceKeyField) is { } key && wanted.Contains(key) &&
                        message.Str("ts") is { } ts)
                    {
                        // Newest first: should a key show twice, the earliest post stands for it.
                        found[key] = new SlackMessageRef(ts, SlackTimestamps.Parse(ts));
                    }
                }
            }

            cursor = found.Count < wanted.Count && answer.IsTrue("has_more") ? NonEmpty(answer.Obj("response_metadata").Str("next_cursor")) : null;
        }
        while (cursor is not null);

        return found;
    }

    /// <summary><c>users.info</c> with the locale: name, IANA zone and language as Slack knows them.</summary>
    public async Task<SlackProfile> UserInfoAsync(string workspace, string user, CancellationToken cancellationToken)
    {
        var answer = await client.CallFormAsync("users.info", await tokens.ForWorkspaceAsync(workspace, cancellationToken),
            [new("user", user), new("include_locale", "true")], idempotent: true, cancellationToken);
        var info = answer.Obj("user");
        var profile = info.Obj("profile");
        var name = NonEmpty(profile.Str("display_name")) ?? NonEmpty(profile.Str("real_name")) ?? NonEmpty(info.Str("real_name")) ?? info.Str("name");
        var isBot = info is { } u && (u.IsTrue("is_bot") || u.Str("id") == "USLACKBOT");
        return new SlackProfile(user, name, NonEmpty(info.Str("tz")), NonEmpty(info.Str("locale")), isBot);
    }

    /// <summary><c>auth.test</c>: who the token belongs to.</summary>
    public async Task<SlackIdentity> AuthTestAsync(string token, CancellationToken cancellationToken)
    {
        var answer = await client.CallFormAsync("auth.test", token, [], idempotent: true, cancellationToken);
        return new SlackIdentity(answer.Str("team_id") ?? "", answer.Str("team"), answer.Str("user_id"), answer.Str("bot_id"));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
