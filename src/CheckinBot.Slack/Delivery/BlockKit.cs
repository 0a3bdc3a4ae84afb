using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckinBot.Core.Messages;

namespace CheckinBot.Slack.Delivery;

/// <summary>
/// Renders the neutral message model as Block Kit: a section per paragraph, a context line, an actions block. One
/// writer (<see cref="Write"/>) makes every body, for acknowledgements and posts alike.
/// </summary>
public static partial class BlockKit
{
    private const int TextLimit = 4000;
    private const int SectionLimit = 3000;
    private const int ButtonTextLimit = 75;
    private const int ActionIdLimit = 255;
    private const int ValueLimit = 2000;
    private const int ButtonsPerBlock = 25;
    private const int BlockLimit = 50;

    // Separates a repeated action id from the number that keeps it unique within the message.
    private const char Repeat = '~';

    private static readonly SearchValues<char> Reserved = SearchValues.Create("&<>");

    /// <summary>
    /// The body of a <c>chat.postMessage</c>/<c>chat.postEphemeral</c> as a tree the Web API client completes (channel,
    /// thread…): what <see cref="Write"/> writes, read back, so that a post and an acknowledgement cannot differ.
    /// </summary>
    public static JsonObject Render(BotMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, message, null);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>
    /// Writes the message as Block Kit: fallback <c>text</c>, then <c>blocks</c> (a section per paragraph, a context
    /// line, actions blocks), with <paramref name="responseType"/> after them when given. The one renderer: the text is
    /// escaped into pooled buffers and written from there, with no JSON tree, no joined plain text and no escaped copy of
    /// a line (issue 11: a <c>/checkin help</c> answer allocated about 12 KB of them, which fed the gen0 collections
    /// behind the open loop's tail).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, BotMessage message, string? responseType)
    {
        writer.WriteStartObject();
        WritePlainText(writer, message);
        writer.WriteStartArray("blocks");
        if (!string.IsNullOrWhiteSpace(message.Title))
        {
            WriteSection(writer, message.Title, bold: true);
        }

        var sections = 0;
        foreach (var line in message.Lines)
        {
            if (sections == BlockLimit - 10)
            {
                break;
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                WriteSection(writer, line, bold: false);
                sections++;
            }
        }

        if (!string.IsNullOrWhiteSpace(message.Context))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "context");
            writer.WriteStartArray("elements");
            writer.WriteStartObject();
            writer.WriteString("type", "mrkdwn");
            WriteEscaped(writer, "text", message.Context, SectionLimit, bold: false);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        WriteButtons(writer, message.Buttons);
        writer.WriteEndArray();
        if (responseType is not null)
        {
            writer.WriteString("response_type", responseType);
        }

        writer.WriteEndObject();
    }

    /// <summary>The core's action id for an action id that came back from Slack (without the number that kept it unique).</summary>
    public static string ActionIdOf(string slackActionId)
    {
        var at = slackActionId.LastIndexOf(Repeat);
        return at > 0 && int.TryParse(slackActionId.AsSpan(at + 1), System.Globalization.CultureInfo.InvariantCulture, out _)
            ? slackActionId[..at]
            : slackActionId;
    }

    /// <summary>
    /// Escapes the three characters Slack's mrkdwn reserves, keeping user and channel mentions (<c>&lt;@U123&gt;</c>,
    /// <c>&lt;#C123&gt;</c>) that the core writes in the neutral form.
    /// </summary>
    public static string Escape(string text)
    {
        // Most lines hold none of the three: they go out as they are, without a copy.
        if (text.AsSpan().IndexOfAny(Reserved) < 0)
        {
            return text;
        }

        var escaped = ArrayPool<char>.Shared.Rent(text.Length * 5);
        try
        {
            return new string(escaped, 0, EscapeKeepingMentions(text, escaped));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(escaped);
        }
    }

    /// <summary><see cref="BotMessage.PlainText"/>, escaped and cut to Slack's limit, joined into a pooled buffer by the message itself.</summary>
    private static void WritePlainText(Utf8JsonWriter writer, BotMessage message)
    {
        var joined = ArrayPool<char>.Shared.Rent(Math.Max(1, message.PlainTextLength));
        try
        {
            var length = message.CopyPlainTextTo(joined);
            WriteEscaped(writer, "text", joined.AsSpan(0, length), TextLimit, bold: false);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(joined);
        }
    }

    private static void WriteSection(Utf8JsonWriter writer, string mrkdwn, bool bold)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "section");
        writer.WriteStartObject("text");
        writer.WriteString("type", "mrkdwn");
        WriteEscaped(writer, "text", mrkdwn, SectionLimit, bold);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="text"/> escaped (between asterisks when <paramref name="bold"/>), then cut to <paramref name="limit"/>.</summary>
    private static void WriteEscaped(Utf8JsonWriter writer, string name, ReadOnlySpan<char> text, int limit, bool bold)
    {
        // "&amp;" is the longest an escaped character gets.
        var escaped = ArrayPool<char>.Shared.Rent((text.Length * 5) + 2);
        try
        {
            var length = 0;
            if (bold)
            {
                escaped[length++] = '*';
            }

            length += EscapeKeepingMentions(text, escaped.AsSpan(length));
            if (bold)
            {
                escaped[length++] = '*';
            }

            if (length > limit)
            {
                escaped[limit - 1] = '…';
                length = limit;
            }

            writer.WriteString(name, escaped.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(escaped);
        }
    }

    /// <summary>Escapes <paramref name="text"/> into <paramref name="into"/> (five times its length at most), mentions kept; returns the length.</summary>
    private static int EscapeKeepingMentions(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        var last = 0;
        if (text.IndexOfAny(Reserved) >= 0)
        {
            foreach (var mention in MentionPattern().EnumerateMatches(text))
            {
                length += EscapeInto(text[last..mention.Index], into[length..]);
                text.Slice(mention.Index, mention.Length).CopyTo(into[length..]);
                length += mention.Length;
                last = mention.Index + mention.Length;
            }
        }

        return length + EscapeInto(text[last..], into[length..]);
    }

    private static int EscapeInto(ReadOnlySpan<char> plain, Span<char> into)
    {
        var length = 0;
        int at;
        while ((at = plain.IndexOfAny(Reserved)) >= 0)
        {
            plain[..at].CopyTo(into[length..]);
            length += at;
            var entity = plain[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&gt;",
            };
            entity.CopyTo(into[length..]);
            length += entity.Length;
            plain = plain[(at + 1)..];
        }

        plain.CopyTo(into[length..]);
        return length + plain.Length;
    }

    private static void WriteButtons(Utf8JsonWriter writer, IReadOnlyList<MessageButton> buttons)
    {
        if (buttons.Count == 0)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = 0;
        for (var start = 0; start < buttons.Count && blocks < 5; start += ButtonsPerBlock, blocks++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "actions");
            writer.WriteStartArray("elements");
            for (var i = start; i < Math.Min(buttons.Count, start + ButtonsPerBlock); i++)
            {
                WriteButton(writer, buttons[i], seen);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteButton(Utf8JsonWriter writer, MessageButton button, Dictionary<string, int> seen)
    {
        var id = Cut(button.ActionId, ActionIdLimit - 4);
        var count = seen[id] = seen.GetValueOrDefault(id) + 1;
        writer.WriteStartObject();
        writer.WriteString("type", "button");
        writer.WriteStartObject("text");
        writer.WriteString("type", "plain_text");
        writer.WriteString("text", Cut(button.Label, ButtonTextLimit));
        writer.WriteBoolean("emoji", true);
        writer.WriteEndObject();
        writer.WriteString("action_id", count == 1 ? id : $"{id}{Repeat}{count}");
        writer.WriteString("value", Cut(button.Value, ValueLimit));
        if (button.Primary)
        {
            writer.WriteString("style", "primary");
        }

        writer.WriteEndObject();
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");

    [GeneratedRegex(@"<[@#][A-Z0-9]+(?:\|[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
