using System.Diagnostics;
using System.Net;
using CheckinBot.Host.Configuration;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests;

public class HostStartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Health_answers_and_readiness_is_green_once_database_and_scheduler_run()
    {
        await using var bot = await BotServer.StartAsync(Start);

        (await bot.Client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bot.Client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(Path.Combine(bot.DataFolder, "checkinbot.db")).Should().BeTrue();
    }

    [Fact]
    public async Task The_page_and_metrics_are_served()
    {
        await using var bot = await BotServer.StartAsync(Start);

        (await bot.Client.GetStringAsync("/")).Should().Contain("CheckinBot playground");
        (await bot.Client.GetStringAsync("/metrics")).Should().Contain("http_requests_received_total");
    }

    [Theory]
    [InlineData("--Storage:Provider=Mongo", "Storage:Provider")]
    [InlineData("--Playground:Va:TimeZone=Mars/Olympus", "Playground:Va:TimeZone")]
    [InlineData("--Clock:TimeTravel=sometimes", "Clock:TimeTravel")]
    [InlineData("--Delivery:ReminderLead=soon", "Delivery:ReminderLead")]
    [InlineData("--Delivery:Poll=00:00:00", "Delivery:Poll")]
    [InlineData("--Storage:KeyCertificate=/nowhere/keys.pfx", "Storage:KeyCertificate")]
    public void A_wrong_configuration_value_names_its_key(string setting, string key)
    {
        var act = () => BotApp.Build(["--urls=http://127.0.0.1:0", setting]);

        act.Should().Throw<ConfigurationException>().Which.Key.Should().Be(key);
    }

    [Fact]
    public async Task The_process_stops_with_one_line_naming_the_key()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "CheckinBot.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--Storage:Provider=Mongo", "--urls=http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("Storage:Provider");
    }
}
