using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>The buttons under the bot's messages work in the playground as they do on Slack and Teams.</summary>
public sealed class PlaygroundButtonTests : IAsyncLifetime
{
    // Monday 30 November 2026, 10:00 in Brussels.
    private BotServer bot = null!;

    public async Task InitializeAsync() => bot = await BotServer.StartAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await bot.DisposeAsync();

    private async Task<TranscriptLine> LastAsync(string kind, string conversation = "channel") =>
        (await bot.TranscriptAsync()).Last(m => m.Kind == kind && m.Conversation == conversation);

    [Fact]
    public async Task The_client_accepts_a_proposal_with_its_button()
    {
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        var proposal = await LastAsync("notice");
        proposal.Buttons.Select(b => b.Action).Should().Equal("rhythm.accept", "rhythm.decline");

        using var click = await bot.ClickAsync("client", proposal, proposal.Buttons[0]);

        click.StatusCode.Should().Be(HttpStatusCode.OK);
        var replies = (await click.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies");
        replies.EnumerateArray().Should().Contain(r => r.GetProperty("text").GetString()!.StartsWith("Agreed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_VA_posts_her_update_early_from_the_reminder()
    {
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        await bot.SayAsync("client", "/checkin accept");
        await bot.SayAsync("va", "/checkin draft Newsletter layout done", "direct");
        await bot.AdvanceAsync("PT6H46M"); // 16:46 in Brussels: the reminder is out, the update is not

        var reminder = await LastAsync("reminder", "dm-va");
        var postNow = reminder.Buttons.Single(b => b.Action == "reminder.postNow");
        (await bot.ClickAsync("client", reminder, postNow)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the client cannot see the VA's reminder");
        using var click = await bot.ClickAsync("va", reminder, postNow);

        click.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LastAsync("update")).Text.Should().Contain("Newsletter layout done");
    }

    [Theory]
    [InlineData("{\"from\":\"client\",\"message\":\"999999\",\"action\":\"rhythm.accept\",\"value\":\"1\"}")]
    [InlineData("{\"from\":\"client\",\"message\":\"PROPOSAL\",\"action\":\"rhythm.accept\",\"value\":\"2\"}")]
    [InlineData("{\"from\":\"client\",\"message\":\"PROPOSAL\",\"action\":\"privacy.forget\",\"value\":\"1\"}")]
    [InlineData("{\"from\":\"boss\",\"message\":\"PROPOSAL\",\"action\":\"rhythm.accept\",\"value\":\"1\"}")]
    [InlineData("{\"from\":\"client\",\"message\":\"ASKED\",\"action\":\"rhythm.accept\",\"value\":\"1\"}")]
    [InlineData("{\"from\":\"client\",\"action\":\"rhythm.accept\",\"value\":\"1\"}")]
    [InlineData("[\"rhythm.accept\"]")]
    public async Task A_click_on_a_button_that_is_not_there_gets_400_and_changes_nothing(string body)
    {
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        var transcript = await bot.TranscriptAsync();
        var proposal = transcript.Last(m => m.Kind == "notice");
        var asked = transcript.Last(m => m.From == "va");
        body = body.Replace("PROPOSAL", proposal.Id, StringComparison.Ordinal).Replace("ASKED", asked.Id, StringComparison.Ordinal);

        using var response = await bot.Client.PostAsync("/playground/api/actions", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"error\"");
        (await bot.TranscriptAsync()).Should().BeEquivalentTo(transcript);
    }
}
