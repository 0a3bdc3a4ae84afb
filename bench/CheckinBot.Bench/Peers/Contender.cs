using System.Diagnostics;
using System.Net;

namespace CheckinBot.Bench.Peers;

/// <summary>One system under measurement, reached over HTTP/1.1 with keep-alive; its answers are looked for at the fake platform.</summary>
internal abstract class Contender(string name, AnswerLedger ledger, TimeSpan limit) : IDisposable
{
    protected HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = limit,
        DefaultRequestVersion = HttpVersion.Version11,
    };

    public string Name { get; } = name;

    protected AnswerLedger Ledger { get; } = ledger;

    protected TimeSpan Limit { get; } = limit;

    /// <summary>Sends request <paramref name="seq"/> of a phase (each phase has its own places) and waits for its outcome.</summary>
    public abstract Task<Outcome> SendAsync(string phase, long seq, long plannedAt);

    /// <summary>Settles what the acknowledgement already decided, so no later answer is taken for it.</summary>
    protected Outcome SettledByAck(Expected expected, Outcome outcome)
    {
        expected.Settle(outcome, byAck: true);
        Ledger.Forget(expected);
        return Within(expected, outcome);
    }

    /// <summary>
    /// The acknowledgement did not come within the limit, or the connection broke: unanswered, or failed. The system may
    /// still answer it later, so its place keeps it and a late answer is taken for it, not for the next one.
    /// </summary>
    protected Outcome GaveUp(Expected expected, Exception e)
    {
        var outcome = new Outcome(e is TaskCanceledException ? OutcomeKind.Unanswered : OutcomeKind.Failed, Stopwatch.GetTimestamp());
        expected.Settle(outcome);
        Ledger.Forget(expected);
        return outcome;
    }

    /// <summary>Waits for the answer at the fake platform until the limit from the planned send.</summary>
    protected async Task<Outcome> AnswerAsync(Expected expected)
    {
        var remaining = Limit - Stopwatch.GetElapsedTime(expected.SentAt);
        try
        {
            return Within(expected, await expected.Outcome.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero));
        }
        catch (TimeoutException)
        {
            Ledger.Forget(expected);
            var late = new Outcome(OutcomeKind.Unanswered, Stopwatch.GetTimestamp());
            return expected.Settle(late) ? late : Within(expected, await expected.Outcome);
        }
    }

    private Outcome Within(Expected expected, Outcome outcome) =>
        outcome.Kind == OutcomeKind.Answered && Stopwatch.GetElapsedTime(expected.SentAt, outcome.At) > Limit
            ? outcome with { Kind = OutcomeKind.Unanswered }
            : outcome;

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
