using CheckinBot.Slack.Installing;
using CheckinBot.Slack.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactions</c>, <c>/slack/install</c> and
    /// <c>/slack/oauth/callback</c> when <c>AddSlack</c> found Slack configured; maps nothing otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SlackConfigured>() is null)
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", SlackHttpEndpoints.CommandsAsync).DisableAntiforgery();
        slack.MapPost("/events", SlackHttpEndpoints.EventsAsync).DisableAntiforgery();
        slack.MapPost("/interactions", SlackHttpEndpoints.InteractionsAsync).DisableAntiforgery();
        slack.MapGet("/install", OAuthEndpoints.InstallAsync);
        slack.MapGet("/oauth/callback", OAuthEndpoints.CallbackAsync);
        return endpoints;
    }
}
