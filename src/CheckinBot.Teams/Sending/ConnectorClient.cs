using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.References;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// The Bot Connector REST calls CheckinBot makes at <c>{serviceUrl}/v3/conversations</c>: send, reply, update, and
/// create a personal conversation. Retries and pacing happen in the HttpClient's handlers (see <c>AddTeams</c>). A call
/// to a service URL that is not allowed is refused before its request (and its token) exists.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, BotTokenClient tokens, ServiceUrlAllowList serviceUrls, ILogger<ConnectorClient> logger)
{
    /// <summary>Posts an activity into a conversation (in reply to <paramref name="replyToId"/>, when given); returns its id.</summary>
    public async Task<string> SendAsync(ConversationReference via, string conversationId, JsonObject activity, string? replyToId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (replyToId is not null)
        {
            path += "/" + Uri.EscapeDataString(replyToId);
            activity["replyToId"] = replyToId;
        }

        Address(activity, via, conversationId);
        var answer = await CallAsync("send", HttpMethod.Post, via, path, activity, via.TenantId, conversationId, cancellationToken);
        return IdOf(answer) ?? "";
    }

    /// <summary>Replaces an activity the bot posted earlier.</summary>
    public async Task UpdateAsync(ConversationReference via, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        Address(activity, via, conversationId);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        await CallAsync("update", HttpMethod.Put, via, path, activity, via.TenantId, conversationId, cancellationToken);
    }

    /// <summary>Opens (or finds) the personal conversation between the bot and a person; returns its id.</summary>
    public async Task<string> CreatePersonalConversationAsync(ConversationReference via, string tenantId, string personId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = via.BotId, ["name"] = via.BotName },
            ["members"] = new JsonArray(new JsonObject { ["id"] = personId }),
            ["isGroup"] = false,
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        var answer = await CallAsync("create conversation", HttpMethod.Post, via, "v3/conversations", body, tenantId, null, cancellationToken);
        return IdOf(answer) ?? throw new TeamsCallException("Teams created a conversation without an id.");
    }

    private static void Address(JsonObject activity, ConversationReference via, string conversationId)
    {
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        if (via.BotId is not null)
        {
            activity["from"] = new JsonObject { ["id"] = via.BotId, ["name"] = via.BotName };
        }

        if (via.ChannelId is not null)
        {
            activity["channelId"] = via.ChannelId;
        }

        if (via.UserId is not null)
        {
            activity["recipient"] = new JsonObject { ["id"] = via.UserId };
        }
    }

    private async Task<JsonElement?> CallAsync(string operation, HttpMethod method, ConversationReference via, string path, JsonObject body, string? tenant,
        string? conversation, CancellationToken cancellationToken)
    {
        if (!serviceUrls.Allows(via.ServiceUrl))
        {
            logger.ServiceUrlRefused(operation, tenant, conversation);
            throw new TeamsCallException($"The service URL kept for tenant {tenant} is not an allowed Bot Framework service URL; nothing was sent.");
        }

        var uri = new Uri(via.ServiceUrl.TrimEnd('/') + "/" + path);
        var json = body.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Options.Set(SendPacer.Tenant, tenant ?? "");
            if (conversation is not null)
            {
                request.Options.Set(SendPacer.Conversation, conversation);
            }

            if (await tokens.GetAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Parse(text);
            }

            var code = ErrorCode(text);
            logger.CallFailed(method.Method, operation, (int)response.StatusCode, code);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                tokens.Forget(); // a token revoked or rolled early: fetch a new one, once
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Forbidden &&
                (code == "MessageWritesBlocked" || text.Contains("MessageWritesBlocked", StringComparison.Ordinal)))
            {
                throw new ConversationBlockedException(conversation ?? "", false);
            }

            throw new TeamsCallException(response.StatusCode, code, $"Teams answered {(int)response.StatusCode} {code}.");
        }
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? IdOf(JsonElement? answer) =>
        answer is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string? ErrorCode(string text) =>
        Parse(text) is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;
}
