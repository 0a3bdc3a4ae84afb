using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body's fields, read where they lie: a field's value is decoded when it is
/// asked for, and nothing else is decoded or stored. The reading is ASP.NET Core's form reader's: fields are split at
/// <c>&amp;</c>, a field's name from its value at the first <c>=</c> (a field without one is a name with an empty value),
/// <c>+</c> is a space, a <c>%</c> with two hexadecimal digits is a byte of UTF-8 (a broken escape stays as it is),
/// and a name given twice has its values joined with commas (empty ones left out).
/// </summary>
/// <remarks>
/// The form reader built a dictionary and a string for every name and value of the form, about 2 KB of a slash
/// command's 12 KB, where a command reads eight fields (docs/performance-history.md, session 24).
/// </remarks>
internal sealed class FormFields : IReadOnlyDictionary<string, string>
{
    /// <summary>The form reader's limits: at most this many fields, of names at most <see cref="NameLimit"/> bytes long.</summary>
    public const int FieldLimit = 1024;

    public const int NameLimit = 2048;

    private readonly ReadOnlyMemory<byte> body;
    private Dictionary<string, string>? all;

    private FormFields(ReadOnlyMemory<byte> body) => this.body = body;

    /// <summary>
    /// The fields of <paramref name="body"/>; null past the limits, which no Slack request comes near. The fields read
    /// from the body as it is whenever asked: it must not change (or go back to a pool) while they are read.
    /// </summary>
    public static FormFields? Read(ReadOnlyMemory<byte> body)
    {
        var count = 0;
        foreach (var field in new Fields(body.Span))
        {
            if (++count > FieldLimit || field.Name.Length > NameLimit)
            {
                return null;
            }
        }

        return new FormFields(body);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = null;
        foreach (var field in new Fields(body.Span))
        {
            if (!NameIs(field.Name, key))
            {
                continue;
            }

            value = Joined(value, Decode(field.Value));
        }

        return value is not null;
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The form has no field '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public int Count => All().Count;

    public IEnumerable<string> Keys => All().Keys;

    public IEnumerable<string> Values => All().Values;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => All().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Every field, decoded: only for those who list the form (tests, diagnostics), never on a request's way.</summary>
    private Dictionary<string, string> All()
    {
        if (all is null)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in new Fields(body.Span))
            {
                var name = Decode(field.Name);
                var value = Decode(field.Value);
                fields[name] = Joined(fields.GetValueOrDefault(name), value);
            }

            all = fields;
        }

        return all;
    }

    /// <summary>A name's values so far and its next, as <c>StringValues</c> joins them: with commas, empty ones left out.</summary>
    private static string Joined(string? earlier, string next) =>
        string.IsNullOrEmpty(earlier) ? next : next.Length == 0 ? earlier : string.Concat(earlier, ",", next);

    private static bool NameIs(ReadOnlySpan<byte> raw, string name) =>
        raw.IndexOfAny((byte)'+', (byte)'%') < 0 && Ascii.IsValid(name) ? Ascii.Equals(raw, name) : Decode(raw) == name;

    /// <summary>A name or value as text: as it is when nothing in it is escaped, else decoded into a buffer first.</summary>
    private static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'+', (byte)'%') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= 256 ? stackalloc byte[raw.Length] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b == '+')
                {
                    b = (byte)' ';
                }
                else if (b == '%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
                {
                    b = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                    i += 2;
                }

                buffer[length++] = b;
            }

            return Encoding.UTF8.GetString(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>The fields of a body as (name, value) spans of its bytes, in order.</summary>
    private ref struct Fields(ReadOnlySpan<byte> rest)
    {
        private ReadOnlySpan<byte> rest = rest;

        public Field Current { get; private set; }

        public readonly Fields GetEnumerator() => this;

        public bool MoveNext()
        {
            if (rest.IsEmpty)
            {
                return false;
            }

            var end = rest.IndexOf((byte)'&');
            var field = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            var equals = field.IndexOf((byte)'=');
            Current = equals < 0 ? new Field(field, default) : new Field(field[..equals], field[(equals + 1)..]);
            return true;
        }
    }

    /// <summary>A field's name and value, as they lie in the body.</summary>
    private readonly ref struct Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        public ReadOnlySpan<byte> Name { get; } = name;

        public ReadOnlySpan<byte> Value { get; } = value;
    }
}
