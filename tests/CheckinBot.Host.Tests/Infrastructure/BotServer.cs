using CheckinBot.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host on a loopback port, with its own data folder and a fake clock underneath the bot's travelling clock.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ScratchFolder? ownFolder;

    private BotServer(WebApplication app, string dataFolder, ScratchFolder? ownFolder, FakeTimeProvider time)
    {
        this.app = app;
        this.ownFolder = ownFolder;
        DataFolder = dataFolder;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }
    public string DataFolder { get; }
    public FakeTimeProvider Time { get; }
    public Uri Address => Client.BaseAddress!;
    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the bot at <paramref name="start"/> (real time stands still underneath), time travel on. Without a
    /// <paramref name="dataFolder"/> of the test's own, the bot gets a scratch folder that goes when it is disposed.
    /// </summary>
    public static Task<BotServer> StartAsync(DateTimeOffset start, string? dataFolder = null, params string[] settings) =>
        StartWithServicesAsync(start, _ => { }, dataFolder, settings);

    /// <summary>As <see cref="StartAsync(DateTimeOffset, string?, string[])"/>, with services of the test's own added last.</summary>
    public static async Task<BotServer> StartWithServicesAsync(DateTimeOffset start, Action<IServiceCollection> extra, string? dataFolder = null, params string[] settings)
    {
        var ownFolder = dataFolder is null ? new ScratchFolder("tests") : null;
        dataFolder ??= ownFolder!.Path;
        var time = new FakeTimeProvider(start);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--DataFolder={dataFolder}",
            "--Clock:TimeTravel=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = BotApp.Build(args, services =>
        {
            services.RemoveAll<TravellingClock>();
            services.AddSingleton(new TravellingClock(time));
            extra(services);
        });
        await app.StartAsync();
        return new BotServer(app, dataFolder, ownFolder, time);
    }

    public async Task<JsonElement> SayAsync(string from, string text, string conversation = "channel")
    {
        var response = await Client.PostAsJsonAsync("/playground/api/messages", new { from, text, conversation });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Clicks a button under a bot message of the transcript, as <paramref name="from"/>.</summary>
    public async Task<HttpResponseMessage> ClickAsync(string from, TranscriptLine message, TranscriptButton button) =>
        await Client.PostAsJsonAsync("/playground/api/actions", new { from, message = message.Id, action = button.Action, value = button.Value });

    public async Task<string> AdvanceAsync(string duration)
    {
        var response = await Client.PostAsJsonAsync("/playground/api/clock", new { advance = duration });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetString()!;
    }

    /// <summary>The whole transcript, page after page.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> TranscriptAsync()
    {
        var lines = new List<TranscriptLine>();
        for (string? page = "/playground/api/transcript"; page is not null;)
        {
            var body = await Client.GetFromJsonAsync<JsonElement>(page);
            lines.AddRange(Lines(body));
            page = body.GetProperty("next").GetString();
        }

        return lines;
    }

    private static IEnumerable<TranscriptLine> Lines(JsonElement body) =>
        body.GetProperty("messages").EnumerateArray().Select(m => new TranscriptLine(
            m.GetProperty("id").GetString()!,
            DateTimeOffset.Parse(m.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            m.GetProperty("from").GetString()!,
            m.GetProperty("text").GetString()!,
            m.GetProperty("visibleTo").GetString()!,
            m.GetProperty("kind").GetString()!,
            m.GetProperty("conversation").GetString()!,
            m.GetProperty("buttons").EnumerateArray().Select(b => new TranscriptButton(
                b.GetProperty("action").GetString()!, b.GetProperty("label").GetString()!, b.GetProperty("value").GetString()!)).ToList()));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        ownFolder?.Dispose();
    }
}

public sealed record TranscriptLine(string Id, DateTimeOffset At, string From, string Text, string VisibleTo, string Kind, string Conversation, IReadOnlyList<TranscriptButton> Buttons);

public sealed record TranscriptButton(string Action, string Label, string Value);
