using CheckinBot.Testing;
using CheckinBot.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Host.Tests;

/// <summary>In Production, a start without <c>Storage:KeyCertificate</c> warns loudly; elsewhere, or with it, it does not.</summary>
public sealed class ProductionWarningTests : IDisposable
{
    private readonly ScratchFolder dataFolder = new("warning");

    public void Dispose()
    {
        dataFolder.Dispose();
    }

    private async Task<IReadOnlyList<(LogLevel Level, string Category, string Text)>> StartAsync(string environment)
    {
        var log = new RecordingLogger();
        var app = BotApp.Build(
            ["--urls=http://127.0.0.1:0", $"--environment={environment}", $"--DataFolder={dataFolder}", "--Scheduling:Enabled=false"],
            services => services.AddSingleton<ILoggerProvider>(log));
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return log.Lines;
    }

    [Fact]
    public async Task InProductionWithoutAKeyCertificateTheStartWarnsLoudly()
    {
        var lines = await StartAsync("Production");

        lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Text.StartsWith("SECURITY WARNING", StringComparison.Ordinal) &&
            l.Text.Contains("Storage:KeyCertificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InDevelopmentTheStartDoesNotWarnAboutTheKeyCertificate()
    {
        var lines = await StartAsync("Development");

        lines.Should().NotContain(l => l.Text.Contains("Storage:KeyCertificate", StringComparison.Ordinal));
    }
}
