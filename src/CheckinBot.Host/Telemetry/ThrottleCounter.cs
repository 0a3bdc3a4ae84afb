using System.Net;

namespace CheckinBot.Host.Telemetry;

/// <summary>Counts a platform API's 429 answers; innermost, so a retried call counts each time it is refused.</summary>
public sealed class ThrottleCounter(string platform) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            PlatformMetrics.CountThrottled(platform);
        }

        return response;
    }
}
