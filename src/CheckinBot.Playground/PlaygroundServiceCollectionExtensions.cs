using CheckinBot.Core.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Playground;

public static class PlaygroundServiceCollectionExtensions
{
    /// <summary>The playground as a chat platform: its gateway, its seeded collaboration, its options.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services, PlaygroundOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IChatGateway, PlaygroundGateway>();
        services.AddScoped<PlaygroundSeeder>();
        return services;
    }

    /// <summary>
    /// The page at <c>/</c> and the JSON API (the clock endpoint also when the page is off). Outside Development the
    /// page is a risk that someone chose: the start says so.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints, PlaygroundOptions options)
    {
        if (options.Enabled)
        {
            var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
            if (!environment.IsDevelopment())
            {
                endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundApi)).PlaygroundOutsideDevelopment(environment.EnvironmentName);
            }

            endpoints.MapGet("/", () => Results.Stream(PageStream(), "text/html; charset=utf-8"));
        }

        endpoints.MapPlaygroundApi(options.Enabled);
        return endpoints;
    }

    private static Stream PageStream() =>
        typeof(PlaygroundApi).Assembly.GetManifestResourceStream("CheckinBot.Playground.wwwroot.index.html")
            ?? throw new InvalidOperationException("The playground page is missing from the assembly.");
}
