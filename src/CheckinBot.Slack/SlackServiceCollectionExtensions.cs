using CheckinBot.Core.Clock;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Turns;
using CheckinBot.Slack.Delivery;
using CheckinBot.Slack.Installing;
using CheckinBot.Slack.People;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.SocketMode;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Adds CheckinBot on Slack when the <c>Slack</c> section configures it (a signing secret, a bot token, an OAuth
    /// client or an app token); does nothing otherwise. Throws with one line naming the key when the section is
    /// incomplete or wrong
    /// (<see cref="SlackConfigurationException"/>).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        var slack = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!SlackConfiguration.IsConfigured(slack))
        {
            return services;
        }

        if (SlackConfiguration.Problem(slack) is { } problem)
        {
            throw problem;
        }

        services.AddOptions<SlackOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new TurnInbox());
        services.AddSingleton<SlackConfigured>();

        services.AddHttpClient<SlackApiClient>((provider, http) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers() // a log scope per call, for lines the log level drops anyway; failures are logged by SlackLog
            .AddResilienceHandler("slack-web-api", SlackResilience.Configure);

        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<SlackTokens>();
        services.AddSingleton<SlackWebApi>(provider => ActivatorUtilities.CreateInstance<SlackWebApi>(provider, provider.GetRequiredService<SlackApiClient>()));
        services.AddSingleton<SlackPeople>();
        services.AddSingleton<IPeopleDirectory, SlackPeopleDirectory>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddSingleton<SlackChatGateway>();
        services.AddSingleton<IChatGateway>(provider => provider.GetRequiredService<SlackChatGateway>());

        services.TryAddSingleton(new WallClock(TimeProvider.System));
        services.AddSingleton<SlackClocks>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<OAuthStates>();
        if (slack.UsesSocketMode)
        {
            services.AddSingleton<SocketModeReceiver>(provider =>
                ActivatorUtilities.CreateInstance<SocketModeReceiver>(provider, provider.GetRequiredService<SlackApiClient>()));
            services.AddHostedService(provider => provider.GetRequiredService<SocketModeReceiver>());
        }

        return services;
    }
}
