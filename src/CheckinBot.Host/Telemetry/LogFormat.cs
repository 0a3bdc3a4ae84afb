using CheckinBot.Host.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// <c>Logging:Format</c>: <c>json</c> writes one JSON object a line (with the trace and span ids of the request or turn),
/// <c>simple</c> (the default) the usual text. The console logger's own <c>Logging:Console:FormatterName</c> works too.
/// </summary>
public static class LogFormat
{
    public const string Key = "Logging:Format";

    /// <summary>True when the log is JSON, so nothing else may write plain lines to standard output.</summary>
    public static bool Apply(WebApplicationBuilder builder)
    {
        var format = builder.Configuration[Key]?.Trim();
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "simple":
                return string.Equals(builder.Configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);
            case "json":
                builder.Logging.AddJsonConsole(json =>
                {
                    json.IncludeScopes = true;
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                });
                return true;
            default:
                throw new ConfigurationException(Key, $"must be json or simple, not '{format}'.");
        }
    }
}
