using System.Buffers;
using System.Text.Json;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Many rows as one SQLite parameter: a JSON array written as UTF-8 bytes, read in SQL through
/// <c>json_each(CAST(@rows AS TEXT))</c> (the cast makes the bytes text; SQLite reads a blob as its binary JSON). One
/// parameter and one byte array for a whole statement, where a parameter per value cost a parameter object, a binder and
/// a string or a box for every value.
/// </summary>
internal static class SqliteJson
{
    private const int GuidLength = 36;

    /// <summary>One writer per thread, reused: a statement's JSON is written without awaiting, on one thread.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? cached;

    /// <summary>Writes the JSON with <paramref name="write"/> and returns it as a new array of exactly its bytes.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var (buffer, writer) = cached ??= (new ArrayBufferWriter<byte>(64 * 1024), new Utf8JsonWriter(Stream.Null));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The ids as a JSON array of upper-case Guids, as EF Core keeps them on SQLite.</summary>
    public static byte[] Ids(IEnumerable<Guid> ids) => Write(ids, static (json, all) =>
    {
        json.WriteStartArray();
        foreach (var id in all)
        {
            WriteGuid(json, id);
        }

        json.WriteEndArray();
    });

    /// <summary>A Guid as EF Core's SQLite provider writes it: "D" format, upper case.</summary>
    public static void WriteGuid(Utf8JsonWriter json, Guid id)
    {
        Span<byte> text = stackalloc byte[GuidLength];
        id.TryFormat(text, out _);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        json.WriteStringValue(text);
    }
}
