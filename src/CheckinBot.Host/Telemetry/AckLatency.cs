using CheckinBot.Core.Clock;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// Times every platform request from its arrival to its acknowledgement (Slack's 3 s budget, Teams' 15 s), in real
/// time whatever the bot's clock says.
/// </summary>
public static class AckLatency
{
    public static void Use(WebApplication app)
    {
        var wall = app.Services.GetService<WallClock>()?.Provider ?? TimeProvider.System;
        app.Use(async (context, next) =>
        {
            if (Endpoint(context.Request.Path) is not { } endpoint)
            {
                await next(context);
                return;
            }

            var started = wall.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                PlatformMetrics.RecordAck(endpoint.Platform, endpoint.Name, wall.GetElapsedTime(started));
            }
        });
    }

    private static (string Platform, string Name)? Endpoint(PathString path) => path.Value switch
    {
        "/slack/commands" => ("slack", "commands"),
        "/slack/events" => ("slack", "events"),
        "/slack/interactions" => ("slack", "interactions"),
        "/api/messages" => ("teams", "messages"),
        _ => null,
    };
}
