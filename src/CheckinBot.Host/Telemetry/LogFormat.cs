using CheckinBot.Host.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// <c>Logging:Format</c>: <c>json</c> writes one JSON object a line (with the trace and span ids of the request or turn),
/// <c>simple</c> (the default) the usual text. The console logger's own <c>Logging:Console:FormatterName</c> works too.
/// Log scopes are captured only when a line shows them (<see cref="ShowsScopes"/>).
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
                if (!ShowsScopes(builder.Configuration))
                {
                    // Every request opens the hosting layer's log scope (its state, the scope, two async-local maps and an
                    // execution context each way: about 0.4 KB of a slash command) for lines that never show it.
                    builder.Services.Configure<LoggerFilterOptions>(filters => filters.CaptureScopes = false);
                }

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

    /// <summary>
    /// True when the console's lines show log scopes: <c>Logging:Format=json</c> (which turns them on), or the console
    /// formatter's own <c>Logging:Console:FormatterOptions:IncludeScopes</c>. No other provider the host adds shows them.
    /// </summary>
    public static bool ShowsScopes(IConfiguration configuration) =>
        string.Equals(configuration[Key]?.Trim(), "json", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(configuration["Logging:Console:FormatterOptions:IncludeScopes"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
