using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CheckinBot.Slack.WebApi;

/// <summary>
/// When a Web API call is sent again: always after a 429 (waiting for its <c>Retry-After</c>); after a server error or
/// a lost connection only for reads, because a post that may have gone through must not be doubled.
/// </summary>
internal static class SlackResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddTimeout(TimeSpan.FromMinutes(2));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(65),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(20));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        var idempotent = context.GetRequestMessage() is { } request && request.Options.TryGetValue(SlackApiClient.Idempotent, out var safe) && safe;
        return idempotent && (outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException ||
            outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError });
    }
}
