using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// A request body of JSON written once, as UTF-8, into a pooled buffer, and from there into the request stream: no
/// string of the whole activity and no second copy for its encoding. Its length is known, so the request says it
/// (no chunked encoding); the buffer goes back to the pool when the request is disposed. An activity's address is
/// written beside its fields, so the rendered activity is neither changed nor copied.
/// </summary>
internal sealed class JsonBodyContent : HttpContent
{
    private readonly RentedBytes bytes = new();

    public JsonBodyContent(JsonObject body, ActivityAddress? address = null)
    {
        using (var writer = new Utf8JsonWriter(bytes))
        {
            if (address is { } to)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in body)
                {
                    if (!to.Writes(name))
                    {
                        writer.WritePropertyName(name);
                        WriteValue(writer, value);
                    }
                }

                to.WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                body.WriteTo(writer);
            }
        }

        Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(bytes.Written).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(bytes.Written, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bytes.Dispose();
        }

        base.Dispose(disposing);
    }
}
