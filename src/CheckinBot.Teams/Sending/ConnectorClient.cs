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
        var path = replyToId is null
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}";
        var address = new ActivityAddress(via, conversationId, ReplyToId: replyToId);
        return await CallAsync("send", HttpMethod.Post, via, path, activity, address, via.TenantId, conversationId, cancellationToken) ?? "";
    }

    /// <summary>Replaces an activity the bot posted earlier.</summary>
    public async Task UpdateAsync(ConversationReference via, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        await CallAsync("update", HttpMethod.Put, via, path, activity, new ActivityAddress(via, conversationId, ActivityId: activityId), via.TenantId, conversationId, cancellationToken);
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
        return await CallAsync("create conversation", HttpMethod.Post, via, "v3/conversations", body, null, tenantId, null, cancellationToken) ?? throw new TeamsCallException("Teams created a conversation without an id.");
    }

    /// <summary>Makes the call (the body addressed, when an address is given); returns the <c>id</c> of the answer's JSON object, when it has one.</summary>
    private async Task<string?> CallAsync(string operation, HttpMethod method, ConversationReference via, string path, JsonObject body, ActivityAddress? address,
        string? tenant, string? conversation, CancellationToken cancellationToken)
    {
        if (!serviceUrls.Allows(via.ServiceUrl))
        {
            logger.ServiceUrlRefused(operation, tenant, conversation);
            throw new TeamsCallException($"The service URL kept for tenant {tenant} is not an allowed Bot Framework service URL; nothing was sent.");
        }

        var uri = new Uri(via.ServiceUrl.TrimEnd('/') + "/" + path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = new JsonBodyContent(body, address) };
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
            using var answer = new RentedBytes(256);
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                await answer.ReadAllAsync(stream, cancellationToken);
            }

            if (response.IsSuccessStatusCode)
            {
                return IdOf(answer.Written.Span);
            }

            var text = Encoding.UTF8.GetString(answer.Written.Span);
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

    /// <summary>The top-level <c>id</c> string of a JSON object, read where it lies; null for anything else.</summary>
    private static string? IdOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ErrorCode(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error) &&
                error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
