using System.Net;
using CheckinBot.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace CheckinBot.Host.Tests;

/// <summary>With <c>Metrics:Port</c>, <c>/metrics</c> answers on that management port only, and that port answers nothing else.</summary>
public sealed class ManagementPortTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task MetricsAnswerOnTheManagementPortAndNotOnTheMainOne()
    {
        var port = FreePort();
        await using var bot = await BotServer.StartAsync(Start, null, $"--Metrics:Port={port}");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        bot.Address.Port.Should().NotBe(port, "the main address stays the first one");

        var there = await management.GetAsync("/metrics");
        var main = await bot.Client.GetAsync("/metrics");

        there.StatusCode.Should().Be(HttpStatusCode.OK);
        (await there.Content.ReadAsStringAsync()).Should().Contain("http_requests_received_total");
        main.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheManagementPortServesNothingButMetrics()
    {
        var port = FreePort();
        await using var bot = await BotServer.StartAsync(Start, null, $"--Metrics:Port={port}");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        (await management.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await management.GetAsync("/playground/api/transcript")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bot.Client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "the main port still answers everything else");
    }

    [Fact]
    public async Task AHostHeaderNamingTheManagementPortDoesNotOpenMetricsOnTheMainOne()
    {
        var port = FreePort();
        await using var bot = await BotServer.StartAsync(Start, null, $"--Metrics:Port={port}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{port}";

        (await bot.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("--Metrics:Port=0")]
    [InlineData("--Metrics:Port=70000")]
    [InlineData("--Metrics:Port=nine")]
    public void AWrongPortNamesItsKey(string setting)
    {
        var act = () => BotApp.Build(["--urls=http://127.0.0.1:0", setting]);

        act.Should().Throw<CheckinBot.Host.Configuration.ConfigurationException>().Which.Key.Should().Be("Metrics:Port");
    }
}
