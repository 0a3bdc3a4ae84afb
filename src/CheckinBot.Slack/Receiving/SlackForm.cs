using System.Buffers;
using System.Text;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body read straight from its bytes: each name and value decoded once into
/// its string, without a copy of the whole body as text or a dictionary of string lists first (issue 11: every command
/// parsed one, and each byte of it fed the gen0 collections behind the open loop's tail).
/// </summary>
internal static class SlackForm
{
    private const int StackBytes = 512;

    /// <summary>
    /// The fields of <paramref name="body"/>: <c>+</c> is a space, <c>%XX</c> a byte of UTF-8; a name without <c>=</c> has
    /// an empty value; a repeated name keeps its values joined with commas, as ASP.NET Core's query parser gives them.
    /// </summary>
    public static Dictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(body.Count((byte)'&') + 1, StringComparer.Ordinal);
        if (body.StartsWith("?"u8))
        {
            body = body[1..];
        }

        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[name] = fields.TryGetValue(name, out var earlier) ? $"{earlier},{value}" : value;
        }

        return fields;
    }

    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IndexOfAny((byte)'%', (byte)'+') < 0)
        {
            return Encoding.UTF8.GetString(encoded);
        }

        // Decoded, a field is never longer than encoded.
        byte[]? rented = null;
        var decoded = encoded.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(encoded.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var b = encoded[i];
                if (b == '+')
                {
                    b = (byte)' ';
                }
                else if (b == '%' && i + 2 < encoded.Length && HexValue(encoded[i + 1]) is var high and >= 0 && HexValue(encoded[i + 2]) is var low and >= 0)
                {
                    b = (byte)((high << 4) | low);
                    i += 2;
                }

                decoded[length++] = b;
            }

            return Encoding.UTF8.GetString(decoded[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
