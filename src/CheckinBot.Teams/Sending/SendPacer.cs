using System.Threading.RateLimiting;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// Keeps sends within Teams' limits: per conversation 7 in any second and 60 in any 30 seconds, per tenant 50 in any
/// second. Every attempt (retries too) waits its turn. The windows are real time, not the bot's clock: they are the
/// platform's, and must hold while the bot's clock is moved for tests.
/// </summary>
/// <remarks>
/// A sliding window of 1.2 s in 100 ms segments holds every 1 s interval within one window, so 7 per window means at
/// most 7 in any second. The windows slide on the partitioned limiter's own 100 ms heartbeat, which visits every
/// partition anyway: with automatic replenishment each conversation's and tenant's window kept a timer of its own
/// (three per conversation, firing every 100 ms or every second, 6,000 timers for 2,000 busy tenants). A segment may
/// then slide up to one heartbeat late, which only ever holds a send back, never lets one through early.
/// </remarks>
internal sealed class SendPacer : IDisposable
{
    public static readonly HttpRequestOptionsKey<string> Conversation = new("checkinbot.teams.conversation");
    public static readonly HttpRequestOptionsKey<string> Tenant = new("checkinbot.teams.tenant");

    private readonly PartitionedRateLimiter<HttpRequestMessage> limiter;

    public SendPacer(int perConversationPerSecond = 7, int perTenantPerSecond = 50)
    {
        // The options and factories are made once: a partition's factory runs only for a key seen for the first time.
        var conversationSecond = Window(perConversationPerSecond, TimeSpan.FromMilliseconds(1200), 12);
        var conversationHalfMinute = Window(60, TimeSpan.FromSeconds(31), 31);
        var tenantSecond = Window(perTenantPerSecond, TimeSpan.FromMilliseconds(1200), 12);
        Func<string, SlidingWindowRateLimiterOptions> perSecond = _ => conversationSecond, perHalfMinute = _ => conversationHalfMinute, perTenant = _ => tenantSecond;
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => RateLimitPartition.GetSlidingWindowLimiter(Key(request, Conversation), perSecond)),
            PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => RateLimitPartition.GetSlidingWindowLimiter(Key(request, Conversation), perHalfMinute)),
            PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => RateLimitPartition.GetSlidingWindowLimiter(Key(request, Tenant), perTenant)));
    }

    /// <summary>Waits until the request may be sent; requests that name no conversation or tenant do not wait.</summary>
    public async Task<RateLimitLease?> WaitAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Conversation, out _) && !request.Options.TryGetValue(Tenant, out _))
        {
            return null;
        }

        var lease = await limiter.AcquireAsync(request, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new TeamsCallException("Too many messages are waiting to be sent to this conversation.");
        }

        return lease;
    }

    public void Dispose() => limiter.Dispose();

    private static string Key(HttpRequestMessage request, HttpRequestOptionsKey<string> key) =>
        request.Options.TryGetValue(key, out var value) ? value : "";

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = false,
    };
}
