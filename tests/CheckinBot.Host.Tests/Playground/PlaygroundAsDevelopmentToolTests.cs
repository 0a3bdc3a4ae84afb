using CheckinBot.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>
/// The playground is a development tool: on by default only in Development, its writes only as JSON from its own page
/// or from scripts, its bodies capped however they are sent, its transcript paged and bounded.
/// </summary>
public class PlaygroundAsDevelopmentToolTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_write_that_is_not_JSON_gets_415_and_changes_nothing(string contentType)
    {
        await using var bot = await BotServer.StartAsync(Start);
        var content = new StringContent("""{"from":"va","text":"/checkin propose update weekdays 17:00"}""", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await bot.Client.PostAsync("/playground/api/messages", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("application/json");
        (await bot.TranscriptAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_write_from_another_sites_page_gets_403_and_changes_nothing()
    {
        await using var bot = await BotServer.StartAsync(Start);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/clock") { Content = Json("""{"advance":"PT1H"}""") };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await bot.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().Should().Be(Start);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_pages_own_origin_and_scripts_without_an_origin_are_welcome(bool withOrigin)
    {
        await using var bot = await BotServer.StartAsync(Start);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/messages") { Content = Json("""{"from":"va","text":"/checkin help"}""") };
        if (withOrigin)
        {
            request.Headers.Add("Origin", bot.Address.GetLeftPart(UriPartial.Authority));
        }

        var response = await bot.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_64_KB_gets_413_whether_or_not_it_says_its_length(bool chunked)
    {
        await using var bot = await BotServer.StartAsync(Start);
        var body = Encoding.UTF8.GetBytes("""{"from":"va","text":"x","pad":" """ + new string('x', 70_000) + "\"}");
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/messages") { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await bot.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await bot.TranscriptAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_transcript_comes_in_pages_of_500_and_says_where_the_next_one_starts()
    {
        await using var bot = await BotServer.StartAsync(Start);
        for (var i = 0; i < 251; i++)
        {
            await bot.SayAsync("va", "/checkin help", "direct");
        }

        var first = await bot.Client.GetFromJsonAsync<JsonElement>("/playground/api/transcript");
        first.GetProperty("messages").GetArrayLength().Should().Be(500);
        var next = first.GetProperty("next").GetString();
        next.Should().Be("/playground/api/transcript?after=" + first.GetProperty("messages")[499].GetProperty("id").GetString());

        var second = await bot.Client.GetFromJsonAsync<JsonElement>(next);
        second.GetProperty("messages").GetArrayLength().Should().Be(2);
        second.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("1e3")]
    public async Task A_transcript_page_that_is_no_message_id_gets_400(string after)
    {
        await using var bot = await BotServer.StartAsync(Start);

        var response = await bot.Client.GetAsync("/playground/api/transcript?after=" + after);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("must be the id of a message");
    }

    [Theory]
    [InlineData("""{"advance":"PT9999999999999H"}""")]
    [InlineData("""{"advance":"P999999W"}""")]
    [InlineData("""{"advance":"PT9223372036854775807S"}""")]
    public async Task A_duration_too_large_for_the_clock_gets_400(string body)
    {
        await using var bot = await BotServer.StartAsync(Start);

        var response = await bot.Client.PostAsync("/playground/api/clock", Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().Should().Be(Start);
    }

    [Theory]
    [InlineData("""{"from":"va\ud800","text":"hi"}""")]
    [InlineData("""{"from":"va","text":"\udc00"}""")]
    [InlineData("""{"from":"client","message":"1\ud800","action":"rhythm.accept","value":"1"}""")]
    public async Task A_lone_surrogate_in_a_field_gets_400(string body)
    {
        await using var bot = await BotServer.StartAsync(Start);
        var path = body.Contains("\"action\"", StringComparison.Ordinal) ? "/playground/api/actions" : "/playground/api/messages";

        var response = await bot.Client.PostAsync(path, Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bot.TranscriptAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_command_with_a_noncharacter_is_answered_with_the_usage_line()
    {
        await using var bot = await BotServer.StartAsync(Start);

        var answer = await bot.SayAsync("client", "/checkin \uFFFE");

        answer.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("Usage: /checkin");
    }

    [Fact]
    public async Task Outside_Development_the_playground_is_off_unless_asked_for_while_the_clock_still_travels()
    {
        await using var bot = await BotServer.StartAsync(Start, null, "--environment=Production");

        (await bot.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bot.Client.PostAsync("/playground/api/messages", Json("""{"from":"va","text":"hi"}"""))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bot.Client.PostAsync("/playground/api/clock", Json("""{"advance":"PT1H"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Turned_on_outside_Development_the_playground_works_and_the_start_warns()
    {
        var logs = new CapturedLogs();
        using var dataFolder = new ScratchFolder("playground-production");
        var app = BotApp.Build(
            ["--urls=http://127.0.0.1:0", "--environment=Production", $"--DataFolder={dataFolder}", "--Playground:Enabled=true", "--Scheduling:Enabled=false"],
            services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.RemoveAll<TravellingClock>();
                services.AddSingleton(new TravellingClock(new FakeTimeProvider(Start)));
            });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
            logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("playground is on in the Production environment", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A stream of unknown length, so that the client has to send it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
