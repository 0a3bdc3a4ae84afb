using CheckinBot.Core.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The page at <c>/</c> and the JSON API (the clock endpoint also when the page is off).</summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints, PlaygroundOptions options)
    {
        if (options.Enabled)
        {
            endpoints.MapGet("/", () => Results.Stream(PageStream(), "text/html; charset=utf-8"));
        }

        endpoints.MapPlaygroundApi(options.Enabled);
        return endpoints;
    }

    private static Stream PageStream() =>
        typeof(PlaygroundApi).Assembly.GetManifestResourceStream("CheckinBot.Playground.wwwroot.index.html")
            ?? throw new InvalidOperationException("The playground page is missing from the assembly.");
}
