using CheckinBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>The page in a real Chromium: type as the VA, see the bot's answer appear without a reload.</summary>
public class PlaygroundPageTests
{
    /// <summary>Where the browser is; Debian's package by default.</summary>
    public const string ChromiumVariable = "CHECKINBOT_CHROMIUM";

    [SkippableFact]
    public async Task Typing_a_command_as_the_VA_shows_the_bot_reply_live_and_its_buttons_work()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            if (Environment.GetEnvironmentVariable("CHECKINBOT_REQUIRE_SERVICES") == "1")
            {
                throw new InvalidOperationException($"No browser at {chromium}, and CHECKINBOT_REQUIRE_SERVICES=1 forbids skipping the browser test.");
            }

            Skip.If(true, $"Browser test skipped: no Chromium at {chromium} (install Debian's chromium or set {ChromiumVariable}).");
        }

        await using var bot = await BotServer.StartAsync(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(bot.Address.ToString());
        await page.SelectOptionAsync("#speaker", "va");
        await page.FillAsync("#text-channel", "/checkin propose update weekdays 17:00");
        await page.PressAsync("#text-channel", "Enter");

        var notice = page.Locator("#log-channel .msg.from-bot[data-kind=notice]");
        await notice.First.WaitForAsync(new() { Timeout = 15_000 });
        (await notice.First.InnerTextAsync()).Should().Contain("Ina proposes #1");

        // The client accepts with the button under the proposal.
        await page.SelectOptionAsync("#speaker", "client");
        await notice.First.Locator("button[data-action='rhythm.accept']").ClickAsync();
        await page.Locator("#log-channel .msg.from-bot[data-kind=notice]").Nth(1).WaitForAsync(new() { Timeout = 15_000 });
        (await page.Locator("#log-channel").InnerTextAsync()).Should().Contain("Agreed");

        // A scheduled post arrives without a reload once the clock moves.
        await bot.AdvanceAsync("PT7H");
        var update = page.Locator("#log-channel .msg.from-bot[data-kind=update]");
        await update.First.WaitForAsync(new() { Timeout = 15_000 });
        (await update.First.InnerTextAsync()).Should().Contain("Update from Ina");
        (await page.Locator("#log-dm-va .msg[data-kind=reminder]").CountAsync()).Should().Be(1);
    }
}
