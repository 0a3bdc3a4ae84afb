using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CheckinBot.Teams.Receiving;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Tests;

/// <summary>How <c>/api/messages</c> reads a body: whole however it arrives, and any body that is no activity a client error.</summary>
public sealed class MessageBodyReadingTests : IAsyncLifetime, IDisposable
{
    private readonly CapturedLogs logs = new(LogLevel.Debug);
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TeamsTestHost.StartAsync(anonymous: true, environment: "Development",
            services: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddProvider(logs)));

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => logs.Dispose();

    [Fact]
    public async Task AnActivitySentInPiecesOfThreeBytesIsReadWholeAndAnswered()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help");

        using var response = await PostAsync(new TrickleContent(Encoding.UTF8.GetBytes(activity), 3));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Connector.WaitForSendsAsync(1)).Should().ContainSingle();
    }

    [Fact]
    public async Task TextAfterTheActivityMakesTheBodyMalformed()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help") + " {}";

        using var response = await PostAsync(new StringContent(activity, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("malformed JSON");
        host.Connector.Sends.Should().BeEmpty();
    }

    [Fact]
    public async Task AChunkedBodyOverAMegabyteIsTooLarge()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = new string('x', MessagesEndpoint.MaxBodyBytes));

        using var response = await PostAsync(new TrickleContent(Encoding.UTF8.GetBytes(activity), 64 * 1024));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        host.Connector.Sends.Should().BeEmpty();
    }

    [Fact]
    public async Task ABodyTheClientCutsOffIsLoggedAtDebugAndNothingFails()
    {
        var uri = new Uri(host.BaseUrl);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(uri.Host, uri.Port);
            var head = $"POST /api/messages HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + """{"type":"message","id":"cut","te"""));
            await client.GetStream().FlushAsync();
        }

        // The connection is gone: wait for the endpoint's line, with a deadline no slow machine comes near.
        var deadline = TimeProvider.System.GetTimestamp() + (TimeProvider.System.TimestampFrequency * 60);
        while (!logs.Entries.Any(e => e.Message.Contains("cut off", StringComparison.Ordinal)) && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        logs.Entries.Single(e => e.Message.Contains("cut off", StringComparison.Ordinal)).Level.Should().Be(LogLevel.Debug);
        logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Error, "a client that goes away is not the bot's failure");
        host.Connector.Sends.Should().BeEmpty();
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl + "/api/messages") { Content = content };
        return await host.Http.SendAsync(request);
    }
}
