using System.Net;

namespace CheckinBot.Testing.Teams;

/// <summary>
/// A Bot Connector in memory, for the connector's HTTP client as its primary handler: it reads every send's body as a
/// real server would (so that writing it is counted) and answers at once, so that only the bot's own bytes are counted.
/// </summary>
public sealed class AnsweringConnector : HttpMessageHandler
{
    private static readonly byte[] Answer = """{"id":"activity-1"}"""u8.ToArray();
    private int sends;

    /// <summary>Released once for every send answered.</summary>
    public SemaphoreSlim Answered { get; } = new(0);

    public int Sends => Volatile.Read(ref sends);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
        Interlocked.Increment(ref sends);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer) };
        response.Content.Headers.ContentType = new("application/json");
        Answered.Release();
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Answered.Dispose();
        }

        base.Dispose(disposing);
    }
}
