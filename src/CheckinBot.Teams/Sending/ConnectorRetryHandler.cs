using System.Net;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// Tries a connector call again when Teams answers 429, 412, 502, 503 or 504, or the call fails on the way or takes longer
/// than <see cref="AttemptTimeout"/>: after <c>Retry-After</c> when Teams names it, else after an exponential backoff with
/// jitter (<c>Teams:RetryDelay</c>, doubled per attempt, at most a minute), up to <c>Teams:MaxRetries</c> times. A call
/// that succeeds costs nothing beyond its attempt's timeout: no pipeline, no context, no events.
/// </summary>
/// <remarks>Backoff is real time, like the platform's limits, even while the bot's clock is moved for tests.</remarks>
internal sealed class ConnectorRetryHandler(IOptions<TeamsOptions> options, TimeProvider realTime) : DelegatingHandler
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var mayRetry = attempt <= settings.MaxRetries;
            HttpResponseMessage response;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(AttemptTimeout);
                try
                {
                    response = await base.SendAsync(request, timeout.Token);
                }
                catch (HttpRequestException) when (mayRetry)
                {
                    await Task.Delay(Backoff(settings.RetryDelay, attempt), realTime, cancellationToken);
                    continue;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!mayRetry)
                    {
                        throw new TeamsCallException($"Teams did not answer within {AttemptTimeout.TotalSeconds:F0} seconds.");
                    }

                    await Task.Delay(Backoff(settings.RetryDelay, attempt), realTime, cancellationToken);
                    continue;
                }
            }

            if (!mayRetry || !IsPassing(response.StatusCode))
            {
                return response;
            }

            var wait = RetryAfter(response) ?? Backoff(settings.RetryDelay, attempt);
            response.Dispose();
            await Task.Delay(wait, realTime, cancellationToken);
        }
    }

    private static bool IsPassing(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - realTime.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return wait is { } value ? TimeSpan.FromTicks(Math.Clamp(value.Ticks, 0, MaxDelay.Ticks)) : null;
    }

    /// <summary>The delay doubled per attempt, between 80% and 120% of it so that many callers do not come back at once, at most a minute.</summary>
    private static TimeSpan Backoff(TimeSpan delay, int attempt)
    {
        var doubled = delay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = doubled * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromTicks((long)Math.Min(jittered, MaxDelay.Ticks));
    }
}
