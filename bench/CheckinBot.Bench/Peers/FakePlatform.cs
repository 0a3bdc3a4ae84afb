using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Slack's Web API, the commands' <c>response_url</c>s and the Bot Connector, on one loopback port (HTTP/1.1,
/// keep-alive, chunked bodies accepted), answering at once. Every answer a bot posts is handed to the
/// <see cref="AnswerLedger"/>.
/// The bench keeps its own fake rather than the tests' (<c>tests/CheckinBot.Testing/Slack/FakeSlack</c>): a benchmark
/// does not reference the test kit, and this one answers Slack and Teams on one port for the bench's ledger.
/// </summary>
internal sealed class FakePlatform(AnswerLedger ledger) : IAsyncDisposable
{
    private WebApplication? app;
    private long sequence;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The <c>response_url</c> made for one command.</summary>
    public Uri ResponseUrlFor(string id) => new(BaseUrl, "respond/" + id);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.AddServerHeader = false;
        });
        app = builder.Build();
        app.MapPost("/api/{method}", SlackAsync);
        app.MapPost("/respond/{id}", RespondAsync);
        app.MapPost("/v3/conversations", () => Results.Json(new { id = "a:created-" + Next() }));
        app.MapPost("/v3/conversations/{conversation}/activities", (string conversation, HttpRequest request) => ConnectorAsync(conversation, null, request));
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", (string conversation, string replyTo, HttpRequest request) => ConnectorAsync(conversation, replyTo, request));
        app.MapPut("/v3/conversations/{conversation}/activities/{activity}", (string activity) => Results.Json(new { id = activity }));
        await app.StartAsync();
        var address = app.Urls.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task<IResult> SlackAsync(string method, HttpRequest request)
    {
        var body = await ReadAsync(request);
        var ts = "1700000000." + Next().ToString("D6", CultureInfo.InvariantCulture);
        switch (method)
        {
            case "chat.postEphemeral":
            case "chat.postMessage":
            case "chat.update":
                ledger.Answer(null, body.Channel, Seen(body.Text));
                return Results.Json(new { ok = true, channel = body.Channel, ts, message_ts = ts });
            case "users.info":
                var user = body.User ?? "U0";
                return Results.Json(new
                {
                    ok = true,
                    user = new { id = user, name = user.ToLowerInvariant(), real_name = "Person " + user, tz = "Europe/Brussels", locale = "en-US", is_bot = false, profile = new { display_name = "Person " + user, real_name = "Person " + user } },
                });
            case "conversations.open":
                return Results.Json(new { ok = true, channel = new { id = "D" + (body.User ?? "0") } });
            case "auth.test":
                return Results.Json(new { ok = true, team_id = "T0BENCH", team = "Bench", user_id = "UBOT", bot_id = "BBOT" });
            default:
                return Results.Json(new { ok = true, ts });
        }
    }

    private async Task<IResult> RespondAsync(string id, HttpRequest request)
    {
        var body = await ReadAsync(request);
        ledger.Answer(id, null, Seen(body.Text));
        return Results.Ok();
    }

    private async Task<IResult> ConnectorAsync(string conversation, string? replyTo, HttpRequest request)
    {
        var body = await ReadAsync(request);
        ledger.Answer(replyTo ?? body.ReplyTo, conversation, Seen(body.Text));
        return Results.Json(new { id = "r" + Next().ToString(CultureInfo.InvariantCulture) });
    }

    private static Outcome Seen(string? text) =>
        new(text is not null && text.Contains("busy", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Busy : OutcomeKind.Answered,
            Stopwatch.GetTimestamp(), text?.Length ?? 0);

    private long Next() => Interlocked.Increment(ref sequence);

    /// <summary>The few fields the fake needs, from a JSON or form body.</summary>
    private static async Task<Posted> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var json = JsonNode.Parse(raw) as JsonObject;
                return new Posted(Str(json, "channel"), Str(json, "user"), TextOf(json), Str(json, "replyToId"));
            }
            catch (JsonException)
            {
                return new Posted(null, null, null, null);
            }
        }

        var form = QueryHelpers.ParseQuery(raw);
        return new Posted(form.TryGetValue("channel", out var c) ? c.ToString() : null, form.TryGetValue("user", out var u) ? u.ToString() : null,
            form.TryGetValue("text", out var t) ? t.ToString() : null, null);
    }

    /// <summary>The answer's text: <c>text</c>, else the blocks or attachments as written.</summary>
    private static string? TextOf(JsonObject? json) =>
        Str(json, "text") ?? json?["blocks"]?.ToJsonString() ?? json?["attachments"]?.ToJsonString();

    private static string? Str(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private sealed record Posted(string? Channel, string? User, string? Text, string? ReplyTo);
}
