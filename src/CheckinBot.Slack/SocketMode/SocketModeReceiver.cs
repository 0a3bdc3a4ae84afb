using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.SocketMode;

/// <summary>
/// Receives Slack over Socket Mode (when <c>Slack:AppToken</c> is set): opens a connection with
/// <c>apps.connections.open</c>, acknowledges envelopes through the same handlers as HTTP, and switches to a new
/// connection on <c>disconnect</c> or silence, closing the old one once the new one is up (never more than two).
/// </summary>
public sealed class SocketModeReceiver(
    SlackApiClient client,
    SlackInbound inbound,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketConnection next;
                try
                {
                    next = await ConnectAsync(stoppingToken);
                    failures = 0;
                }
                catch (Exception e) when (e is SlackApiException or HttpRequestException or System.Net.WebSockets.WebSocketException or Polly.Timeout.TimeoutRejectedException)
                {
                    failures++;
                    var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                    var error = (e as SlackApiException)?.Error ?? e.GetType().Name;
                    logger.SocketOpenFailed(error, wait);
                    if (current is not null && !current.Ended.IsCompleted)
                    {
                        // The old connection still works: keep it while the new one cannot be had.
                        await Task.WhenAny(current.Ended, Task.Delay(wait, time, stoppingToken));
                    }
                    else
                    {
                        await Task.Delay(wait, time, stoppingToken);
                    }

                    continue;
                }

                if (current is not null)
                {
                    await current.DisposeAsync();
                }

                current = next;
                var reason = await current.Ended.WaitAsync(stoppingToken);
                logger.SocketEnded(reason);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    private async Task<SocketConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var answer = await client.CallFormAsync("apps.connections.open", options.Value.AppToken, [], idempotent: true, cancellationToken);
        var url = answer.Str("url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed)
            ? parsed
            : throw new SlackApiException("apps.connections.open", "missing_url");
        return await SocketConnection.OpenAsync(url, HandleAsync, options.Value.SocketSilenceTimeout, time, logger, cancellationToken);
    }

    /// <summary>
    /// One envelope through the HTTP handlers; its acknowledgement, with a payload (a command's answer) when Slack
    /// accepts one.
    /// </summary>
    internal async Task<JsonObject?> HandleAsync(string type, JsonElement envelope, CancellationToken cancellationToken)
    {
        var id = envelope.Str("envelope_id")!;
        if (!envelope.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return new JsonObject { ["envelope_id"] = id };
        }

        var ack = type switch
        {
            "events_api" => await inbound.HandleEventAsync(payload, cancellationToken),
            "slash_commands" => await inbound.HandleCommandAsync(Fields(payload), cancellationToken),
            "interactive" => await inbound.HandleInteractionAsync(payload, cancellationToken),
            _ => SlackAck.Empty,
        };

        if (ack.Status >= 500)
        {
            // Busy: leave it unacknowledged so that Slack delivers it again.
            return null;
        }

        var reply = new JsonObject { ["envelope_id"] = id };
        if (ack.ToJson() is { } body && envelope.IsTrue("accepts_response_payload"))
        {
            reply["payload"] = body.DeepClone();
        }

        return reply;
    }

    private static Dictionary<string, string> Fields(JsonElement payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            var value = property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? property.Value.GetRawText()
                : property.Value.Text();
            if (value is not null)
            {
                fields[property.Name] = value;
            }
        }

        return fields;
    }
}
