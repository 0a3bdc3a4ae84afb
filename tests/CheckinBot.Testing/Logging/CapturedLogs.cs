using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Testing.Logging;

/// <summary>
/// A logger provider that keeps every entry a host writes at <paramref name="minimum"/> or above (Information unless
/// told), with its category, for tests that read the log: what was logged, and how loudly.
/// </summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => entries.ToArray();

    /// <summary>Entries at Error or above, or that carry an exception: what an unhandled failure leaves.</summary>
    public IReadOnlyList<CapturedLog> Failures => Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
}
