using System.Net;
using CheckinBot.Core.Clock;
using CheckinBot.Core.Delivery;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.Receiving;
using CheckinBot.Teams.References;
using CheckinBot.Teams.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CheckinBot.Teams;

/// <summary>The two entry points of the Teams adapter for the host.</summary>
public static class TeamsExtensions
{
    private const string KeysClient = "CheckinBot.Teams.Keys";
    private const string TokenClient = "CheckinBot.Teams.Token";
    private const string ConnectorClientName = "CheckinBot.Teams.Connector";

    /// <summary>
    /// Registers the Teams adapter when <c>Teams:AppId</c> is configured, or, without it, in the Development environment
    /// (anonymous, for local tools such as the Bot Framework Emulator). Fails with one line naming the key when the
    /// configuration is wrong (<see cref="TeamsConfigurationException"/>). Needs the core's turn services and stores registered by the host.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        var settings = section.Get<TeamsOptions>() ?? new TeamsOptions();
        var development = string.Equals(configuration[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);
        if (settings.IsAnonymous && !development)
        {
            return services;
        }

        Validate(settings, development);
        services.Configure<TeamsOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WallClock(TimeProvider.System));
        services.AddSingleton(new TeamsMode(settings.IsAnonymous));

        services.AddHttpClient(KeysClient, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(TokenClient, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(provider =>
        {
            var http = provider.GetRequiredService<IHttpClientFactory>();
            var time = provider.GetRequiredService<WallClock>();
            var logger = provider.GetRequiredService<ILogger<SigningKeySource>>();
            var connector = new SigningKeySource(http.CreateClient(KeysClient), settings.OpenIdMetadataUrl, time, logger);
            var entra = settings.EntraMetadataUrlOrDefault is { } entraUrl ? new SigningKeySource(http.CreateClient(KeysClient), entraUrl, time, logger) : null;
            return new SigningKeys(connector, entra);
        });
        services.AddSingleton<ServiceUrlAllowList>();
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton(provider => new BotTokenClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClient),
            provider.GetRequiredService<IOptions<TeamsOptions>>(),
            provider.GetRequiredService<WallClock>(),
            provider.GetRequiredService<ILogger<BotTokenClient>>()));

        services.AddSingleton<SendPacer>();
        services.AddTransient<PacingHandler>();
        // A pooled SocketsHttpHandler kept for the process (connections renewed every two minutes, for DNS), without the
        // factory's default logging handlers: a log scope per call, for lines the log level drops anyway; the adapter logs
        // its failed calls itself (TeamsLog).
        var connector = services.AddHttpClient(ConnectorClientName, client => client.Timeout = TimeSpan.FromMinutes(5))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        connector.AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;

                // Backoff is real time, like the platform's limits, even while the bot's clock is moved for tests.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    MaxDelay = TimeSpan.FromSeconds(60),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
            });

        // Added after the retry handler, so inside it: every attempt waits its turn.
        connector.AddHttpMessageHandler<PacingHandler>();

        // One client for the process, as its handlers live as long: no HttpClient and ConnectorClient made per post.
        services.AddSingleton(provider => new ConnectorClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClientName),
            provider.GetRequiredService<BotTokenClient>(),
            provider.GetRequiredService<ServiceUrlAllowList>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));

        services.AddSingleton<SavedReferences>();
        services.AddScoped<ConversationReferences>();
        services.AddScoped<TeamsPoster>();
        services.AddSingleton<TeamsGateway>();
        services.AddSingleton<IChatGateway>(provider => provider.GetRequiredService<TeamsGateway>());
        services.AddScoped<CardActionInvoke>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when <see cref="AddTeams"/> turned Teams on.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        var mode = endpoints.ServiceProvider.GetService<TeamsMode>();
        if (mode is null || (mode.Anonymous && !endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment()))
        {
            return endpoints;
        }

        endpoints.MapPost("/api/messages", MessagesEndpoint.HandleAsync).WithName("TeamsMessages");
        return endpoints;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        || outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;

    private static void Validate(TeamsOptions settings, bool development)
    {
        if (!settings.IsAnonymous && string.IsNullOrWhiteSpace(settings.AppPassword))
        {
            throw new TeamsConfigurationException("Teams:AppPassword", "is required when Teams:AppId is set.");
        }

        RequireUrl("Teams:OpenIdMetadataUrl", settings.OpenIdMetadataUrl, development);
        RequireUrl("Teams:TokenEndpoint", settings.TokenEndpointOrDefault, development);
        if (settings.EntraOpenIdMetadataUrl is { Length: > 0 } entra)
        {
            RequireUrl("Teams:EntraOpenIdMetadataUrl", entra, development);
        }

        for (var i = 0; i < settings.AllowedServiceUrls.Count; i++)
        {
            var key = $"Teams:AllowedServiceUrls:{i}";
            RequireUrl(key, settings.AllowedServiceUrls[i], development);
            if (ServiceUrlAllowList.BaseOf(settings.AllowedServiceUrls[i]) is null)
            {
                throw new TeamsConfigurationException(key, "must be a base URL without user name or password, like http://127.0.0.1:3978/.");
            }
        }

        if (settings.AllowedCallers.Any(string.IsNullOrWhiteSpace))
        {
            throw new TeamsConfigurationException("Teams:AllowedCallers", "holds an empty app id.");
        }

        if (settings.MaxRetries is < 0 or > 10)
        {
            throw new TeamsConfigurationException("Teams:MaxRetries", "must be between 0 and 10.");
        }

        if (settings.RetryDelay <= TimeSpan.Zero || settings.RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw new TeamsConfigurationException("Teams:RetryDelay", "must be a positive duration of at most a minute, like 00:00:01.");
        }
    }

    /// <summary>Keys and tokens travel over HTTPS; plain HTTP only to this machine, or in Development.</summary>
    private static void RequireUrl(string key, string value, bool development)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new TeamsConfigurationException(key, $"must be an absolute https URL; '{value}' is not.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !development)
        {
            throw new TeamsConfigurationException(key, "must use https outside Development (plain http is allowed on this machine only).");
        }
    }
}
