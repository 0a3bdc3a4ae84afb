using CheckinBot.Host.Configuration;
using CheckinBot.Host.Health;
using CheckinBot.Host.Telemetry;
using CheckinBot.Host.Turns;
using CheckinBot.Playground;
using CheckinBot.Scheduling;
using CheckinBot.Slack;
using CheckinBot.Storage;
using CheckinBot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace CheckinBot.Host;

/// <summary>Builds the one Kestrel host: configuration, storage, scheduler, adapters, health.</summary>
public static class BotApp
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var timeline = new StartupTimeline();
        var builder = WebApplication.CreateBuilder(args);
        AddRootSettings(builder.Configuration);
        var settings = BotSettings.Read(builder.Configuration, builder.Environment.IsDevelopment());
        var metricsPort = MetricsPort.Listen(builder);
        var jsonLogs = builder.AddObservability();

        timeline.Mark("configuration read");
        var services = builder.Services;
        services.AddSingleton(timeline);
        services.AddSingleton(settings);
        services.AddProblemDetails();
        services.AddCheckinCore(settings.Delivery, settings.Pings, settings.Turns);

        // Hosted services start in the order they are added: the database is migrated before anything reads it.
        services.AddHostedService<StartupTasks>();
        services.AddSingleton<Readiness>();
        var connectionString = services.AddStorage(settings.Storage, settings.DataFolder);
        services.AddScheduling(settings.Scheduling, settings.Storage.IsPostgres, connectionString);
        services.AddPlayground(settings.Playground);
        AddTeams(services, builder.Configuration);
        AddSlack(services, builder.Configuration);
        services.AddHostedService<TurnInboxWorker>();
        services.AddHostedService<IntroductionWorker>();
        BusyMetric.Start();
        services.AddHealthChecks().AddCheck<Readiness>("ready", tags: ["ready"]);
        overrides?.Invoke(services);

        // Everything reads the bot's clock; libraries that register the system clock do not get the last word.
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<TravellingClock>());

        timeline.Mark("services registered");
        var app = builder.Build();
        timeline.LogTo(app.Services.GetRequiredService<ILogger<StartupTimeline>>());
        timeline.Mark("host built");
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpMetrics();
        AckLatency.Use(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        MetricsPort.Map(app, metricsPort);
        app.MapPlayground(settings.Playground);
        app.MapTeams();
        app.MapSlack();

        StartupWarnings.Log(app, settings);
        app.Lifetime.ApplicationStarted.Register(() => timeline.Mark("listening"));
        timeline.Mark("endpoints mapped");
        if (!jsonLogs)
        {
            // A JSON log is read by machines, line by line; "Now listening on" says the same in it.
            app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app, settings, metricsPort));
        }

        return app;
    }

    private static void AddTeams(IServiceCollection services, IConfiguration configuration)
    {
        try
        {
            services.AddTeams(configuration);
        }
        catch (TeamsConfigurationException error) when (error.Key is not null)
        {
            throw new ConfigurationException(error.Key, error.Reason ?? error.Message);
        }
    }

    /// <summary>The documented appsettings.json at the repository root is copied beside the binaries; it ranks below environment and command line.</summary>
    /// <remarks>
    /// <c>ASPNETCORE_</c> variables (<c>ASPNETCORE_URLS</c> in a container image) are read again above the JSON files:
    /// ASP.NET Core ranks them below <c>appsettings.json</c>, whose <c>Urls</c> would otherwise always win.
    /// </remarks>
    private static void AddRootSettings(ConfigurationManager configuration)
    {
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(path))
        {
            var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
            source.ResolveFileProvider();
            configuration.Sources.Insert(++lastJson, source);
        }

        configuration.Sources.Insert(lastJson + 1, new EnvironmentVariablesConfigurationSource { Prefix = "ASPNETCORE_" });
    }

    /// <summary>Slack, when configured; its configuration errors name their key like the host's own.</summary>
    private static void AddSlack(IServiceCollection services, IConfiguration configuration)
    {
        try
        {
            services.AddSlack(configuration);
        }
        catch (SlackConfigurationException error)
        {
            throw new ConfigurationException(error.Key, error.Reason);
        }
    }

    private static void AnnounceAddresses(WebApplication app, BotSettings settings, int? metricsPort)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Where(a => metricsPort is null || new Uri(a).Port != metricsPort))
        {
            Console.WriteLine(settings.Playground.Enabled
                ? $"CheckinBot is running: open {address}/ for the playground."
                : $"CheckinBot is running at {address}.");
        }
    }
}
