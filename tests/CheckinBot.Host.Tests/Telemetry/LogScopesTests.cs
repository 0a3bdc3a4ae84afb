using CheckinBot.Host.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>
/// A log scope is captured only when a log line shows it: every request opens the hosting layer's scope, whose cost each
/// slash command pays even when no line ever prints it.
/// </summary>
public sealed class LogScopesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(false, "--Logging:Format=simple")]
    [InlineData(false, "--Logging:Console:FormatterName=json")]
    [InlineData(true, "--Logging:Format=json")]
    [InlineData(true, "--Logging:Console:FormatterOptions:IncludeScopes=true")]
    [InlineData(true, "--Logging:Console:FormatterName=json", "--Logging:Console:FormatterOptions:IncludeScopes=true")]
    public async Task ScopesAreCapturedOnlyWhenALogLineShowsThem(bool captured, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        LogFormat.Apply(builder);
        await using var app = builder.Build();

        app.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.CaptureScopes.Should().Be(captured);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Scopes");
        using var scope = logger.BeginScope("request {Id}", 1);
        (scope is null || scope.GetType().Name == "NullScope").Should().Be(!captured, "a scope that no line shows is not opened");
    }
}
