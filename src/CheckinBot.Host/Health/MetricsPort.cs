using System.Globalization;
using CheckinBot.Host.Configuration;
using Prometheus;

namespace CheckinBot.Host.Health;

/// <summary>
/// <c>/metrics</c> on the main address, or, with <c>Metrics:Port</c>, on a management port of its own (on
/// <c>Metrics:Host</c>, loopback by default): then <c>/metrics</c> answers only there, and that port answers nothing else.
/// The port is told apart by the connection's local port, which a client cannot forge the way it can a Host header.
/// </summary>
public static class MetricsPort
{
    public const string PortKey = "Metrics:Port";
    public const string HostKey = "Metrics:Host";
    private const string Path = "/metrics";

    /// <summary>Adds the management port to the addresses Kestrel listens on; returns the port, or null when none is set.</summary>
    public static int? Listen(WebApplicationBuilder builder)
    {
        var value = builder.Configuration[PortKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ConfigurationException(PortKey, $"must be a port number from 1 to 65535, not '{value}'.");
        }

        var host = builder.Configuration[HostKey] is { Length: > 0 } configured ? configured.Trim() : "127.0.0.1";
        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown && host is not ("*" or "+"))
        {
            throw new ConfigurationException(HostKey, $"must be a host name or an IP address, not '{host}'.");
        }

        // Kestrel's default when no address is configured; the management port comes in addition to the main ones.
        var main = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : "http://localhost:5000";
        builder.WebHost.UseUrls([.. main.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), $"http://{host}:{port}"]);
        return port;
    }

    /// <summary>Maps <c>/metrics</c>; with a management port, keeps it and everything else apart.</summary>
    public static void Map(WebApplication app, int? port)
    {
        if (port is { } management)
        {
            app.Use((context, next) =>
            {
                var onManagementPort = context.Connection.LocalPort == management;
                var forMetrics = context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
                if (onManagementPort != forMetrics)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        app.MapMetrics(Path);
    }
}
