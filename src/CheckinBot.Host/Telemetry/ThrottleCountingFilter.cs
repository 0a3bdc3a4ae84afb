using Microsoft.Extensions.Http;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// Puts a <see cref="ThrottleCounter"/> into every HTTP client that talks to a chat platform, told apart by the client's
/// name (Slack's Web API client; Teams' connector and token clients), without the adapters knowing of it.
/// </summary>
public sealed class ThrottleCountingFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (PlatformOf(builder.Name) is { } platform)
        {
            builder.AdditionalHandlers.Add(new ThrottleCounter(platform));
        }
    };

    /// <summary>The platform an HTTP client's name belongs to, or null for any other client.</summary>
    public static string? PlatformOf(string? clientName) => clientName switch
    {
        null => null,
        _ when clientName.StartsWith("Slack", StringComparison.Ordinal) => "slack",
        _ when clientName.StartsWith("CheckinBot.Teams.", StringComparison.Ordinal) => "teams",
        _ => null,
    };
}
