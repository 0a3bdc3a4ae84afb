using System.Net;
using System.Net.Http.Json;
using System.Text;
using CheckinBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Host.Tests.Playground;

public class PlaygroundApiValidationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/playground/api/messages", "{not json")]
    [InlineData("/playground/api/messages", "[1,2]")]
    [InlineData("/playground/api/messages", "{\"from\":\"boss\",\"text\":\"hi\"}")]
    [InlineData("/playground/api/messages", "{\"from\":\"va\",\"text\":\"\"}")]
    [InlineData("/playground/api/messages", "{\"from\":\"va\",\"text\":\"   \"}")]
    [InlineData("/playground/api/messages", "{\"from\":\"va\"}")]
    [InlineData("/playground/api/messages", "{\"from\":\"va\",\"text\":\"hi\",\"conversation\":\"attic\"}")]
    [InlineData("/playground/api/clock", "{\"advance\":\"two hours\"}")]
    [InlineData("/playground/api/clock", "{\"advance\":\"P1M\"}")]
    [InlineData("/playground/api/clock", "{\"advance\":\"P32D\"}")]
    [InlineData("/playground/api/clock", "{\"advance\":\"-PT1H\"}")]
    [InlineData("/playground/api/clock", "{\"advance\":\"PT0S\"}")]
    [InlineData("/playground/api/clock", "{}")]
    [InlineData("/playground/api/clock", "nonsense")]
    public async Task Bad_requests_get_400_with_a_reason_and_change_nothing(string path, string body)
    {
        await using var bot = await BotServer.StartAsync(Start);
        var before = await bot.TranscriptAsync();

        var response = await bot.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"error\"");
        (await bot.TranscriptAsync()).Should().BeEquivalentTo(before);
        bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().Should().Be(Start, "a refused clock move moves nothing");
    }

    [Fact]
    public async Task The_clock_answers_404_when_time_travel_is_off()
    {
        await using var bot = await BotServer.StartAsync(Start, null, "--Clock:TimeTravel=false");

        var response = await bot.Client.PostAsJsonAsync("/playground/api/clock", new { advance = "PT1H" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_clock_works_with_the_page_off_while_the_chat_api_is_gone()
    {
        await using var bot = await BotServer.StartAsync(Start, null, "--Playground:Enabled=false");

        (await bot.Client.PostAsJsonAsync("/playground/api/clock", new { advance = "PT1H" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bot.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_commands_answer_with_usage_and_an_example_only_to_the_sender()
    {
        await using var bot = await BotServer.StartAsync(Start);

        var answer = await bot.SayAsync("client", "/checkin frobnicate");

        var reply = answer.GetProperty("replies")[0];
        reply.GetProperty("visibleTo").GetString().Should().Be("client");
        reply.GetProperty("kind").GetString().Should().Be("reply");
        reply.GetProperty("text").GetString().Should().Contain("frobnicate").And.Contain("Usage: /checkin").And.Contain("Example: /checkin");
    }

    [Fact]
    public async Task The_VA_gets_answers_in_Dutch_and_the_client_in_English()
    {
        await using var bot = await BotServer.StartAsync(Start);

        var va = await bot.SayAsync("va", "/checkin propose update weekdays");
        va.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("Het tijdstip ontbreekt");

        var client = await bot.SayAsync("client", "/checkin status");
        client.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("No update is scheduled");
    }
}
