using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.Receiving;

/// <summary>The request URLs Slack posts to: each verifies the signature over the raw body before parsing anything.</summary>
internal static class SlackHttpEndpoints
{
    public static async Task<IResult> CommandsAsync(HttpContext http, SlackInbound inbound, IOptions<SlackOptions> options, SlackClocks clocks, ILoggerFactory logs)
    {
        var arrivedAt = clocks.Wall.Provider.GetTimestamp();
        var (body, refusal) = await ReadVerifiedAsync(http, options.Value, clocks, logs);
        if (refusal is not null)
        {
            return refusal;
        }

        using (body)
        {
            // The command's fields are read from the body before its turn is queued; nothing holds them afterwards.
            return ParseForm(body.Bytes) is { } fields
                ? ToResult(await inbound.HandleCommandAsync(fields, arrivedAt, http.RequestAborted))
                : FormRefused();
        }
    }

    public static async Task<IResult> EventsAsync(HttpContext http, SlackInbound inbound, IOptions<SlackOptions> options, SlackClocks clocks, ILoggerFactory logs)
    {
        var (body, refusal) = await ReadVerifiedAsync(http, options.Value, clocks, logs);
        if (refusal is not null)
        {
            return refusal;
        }

        using (body)
        {
            using var document = TryParseJson(body.Bytes);
            return document is null ? Results.BadRequest("The body is not JSON.") : ToResult(await inbound.HandleEventAsync(document.RootElement, http.RequestAborted));
        }
    }

    public static async Task<IResult> InteractionsAsync(HttpContext http, SlackInbound inbound, IOptions<SlackOptions> options, SlackClocks clocks, ILoggerFactory logs)
    {
        var (body, refusal) = await ReadVerifiedAsync(http, options.Value, clocks, logs);
        if (refusal is not null)
        {
            return refusal;
        }

        // The payload is copied out of the body, which goes back to the pool before the interaction is handled.
        string? payload;
        using (body)
        {
            if (ParseForm(body.Bytes) is not { } fields)
            {
                return FormRefused();
            }

            if (!fields.TryGetValue("payload", out payload))
            {
                return Results.BadRequest("An interaction needs a payload field.");
            }
        }

        using var document = TryParseJson(Encoding.UTF8.GetBytes(payload));
        return document is null ? Results.BadRequest("The payload is not JSON.") : ToResult(await inbound.HandleInteractionAsync(document.RootElement, http.RequestAborted));
    }

    internal static IResult ToResult(SlackAck ack) => ack switch
    {
        // Written straight from the message into the response as UTF-8: no JSON tree, no escaped copy of its text.
        { Message: { } message } => new BlockKitAnswer(message, ack.ResponseType, ack.Status),
        { Json: { } json } => Results.Json(json, JsonSerializerOptions.Default, "application/json; charset=utf-8", ack.Status),
        { Text: { } text } => Results.Content(text, "text/plain", Encoding.UTF8, ack.Status),
        _ => Results.StatusCode(ack.Status),
    };

    /// <summary>Reads the raw body within the size limit and checks Slack's signature; nothing is parsed before that.</summary>
    private static async Task<(Body Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext http, SlackOptions options, SlackClocks clocks, ILoggerFactory logs)
    {
        var limit = options.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return (default, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            if (http.Request.ContentLength is { } length and > 0)
            {
                // Slack says how long its body is: read it into a rented array (about 0.4 KB a command), without chunks
                // and copies; the endpoint returns it once the body is read.
                var body = Body.Rent((int)length);
                try
                {
                    await http.Request.Body.ReadExactlyAsync(body.Writable, http.RequestAborted);
                }
                catch
                {
                    body.Dispose();
                    throw;
                }

                return Verified(http, body, options, clocks, logs);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (default, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
                }

                buffer.Write(chunk, 0, read);
            }

            return Verified(http, new Body(buffer.ToArray()), options, clocks, logs);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client went away mid-body: its error, not ours; nothing to answer.
            logs.CreateLogger(typeof(SlackHttpEndpoints)).BodyAborted(e.GetType().Name);
            return (default, Results.BadRequest("The request body was cut off."));
        }
    }

    private static (Body Body, IResult? Refusal) Verified(HttpContext http, Body body, SlackOptions options, SlackClocks clocks, ILoggerFactory logs)
    {
        var headers = http.Request.Headers;
        string? timestamp = headers["X-Slack-Request-Timestamp"], signature = headers["X-Slack-Signature"];
        var secret = options.SigningSecret ?? "";

        // Slack signs with the real time; while the bot's clock travels (development only) its time is accepted too.
        var valid = SlackSignature.IsValid(secret, timestamp, signature, body.Bytes.Span, clocks.Wall.GetUtcNow()) ||
            (clocks.Travels && SlackSignature.IsValid(secret, timestamp, signature, body.Bytes.Span, clocks.Bot.GetUtcNow()));
        if (!valid)
        {
            body.Dispose();
            var path = http.Request.Path.Value ?? "";
            logs.CreateLogger(typeof(SlackHttpEndpoints)).BadSignature(path);
            return (default, Results.Text("Invalid or stale Slack signature.", "text/plain", Encoding.UTF8, StatusCodes.Status401Unauthorized));
        }

        return (body, null);
    }

    /// <summary>
    /// The form's fields, read as ASP.NET Core's form reader reads them (a repeated name's values joined with commas), each
    /// decoded only when asked for (<see cref="FormFields"/>); null past the reader's limits (1,024 fields, names of 2,048
    /// bytes), which no Slack request comes near.
    /// </summary>
    internal static IReadOnlyDictionary<string, string>? ParseForm(ReadOnlyMemory<byte> body) => FormFields.Read(body);

    private static IResult FormRefused() => Results.BadRequest("The form has more fields, or longer names, than a Slack request.");

    private static JsonDocument? TryParseJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A request's body: an array of its own, or one rented from the shared pool and given back when disposed.</summary>
    private readonly struct Body(byte[] array, int length, bool rented) : IDisposable
    {
        public Body(byte[] array)
            : this(array, array.Length, rented: false)
        {
        }

        public ReadOnlyMemory<byte> Bytes => array.AsMemory(0, length);

        public Memory<byte> Writable => array.AsMemory(0, length);

        public static Body Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length, rented: true);

        /// <summary>Gives a rented array back; nothing may read the body afterwards.</summary>
        public void Dispose()
        {
            if (rented)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
