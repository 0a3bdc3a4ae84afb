using System.Buffers;
using System.Text.Json;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Delivery;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// A slash command's answer inside its acknowledgement, written as Block Kit straight from the message
/// (<see cref="BlockKit.Write"/>) into a buffer of the request's thread, then into the response with its length.
/// </summary>
internal sealed class BlockKitAnswer(BotMessage message, string? responseType, int status) : IResult
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(4096);
        bytes.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(bytes);
        json.Reset(bytes);
        BlockKit.Write(json, message, responseType);
        json.Flush();

        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.WrittenCount;
        response.BodyWriter.Write(bytes.WrittenSpan);
        var flush = response.BodyWriter.FlushAsync();
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
