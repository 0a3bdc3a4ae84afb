using System.Net;

namespace CheckinBot.Teams.Tests.Fakes;

/// <summary>A body sent chunked (no length), in pieces of a few bytes, each flushed: the reader must put them together.</summary>
internal sealed class TrickleContent(byte[] body, int piece) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var at = 0; at < body.Length; at += piece)
        {
            await stream.WriteAsync(body.AsMemory(at, Math.Min(piece, body.Length - at)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
