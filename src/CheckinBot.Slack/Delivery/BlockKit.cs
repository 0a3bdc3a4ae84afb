using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckinBot.Core.Messages;

namespace CheckinBot.Slack.Delivery;

/// <summary>Renders the neutral message model as Block Kit: a section per paragraph, a context line, an actions block.</summary>
public static partial class BlockKit
{
    private const int SectionLimit = 3000;
    private const int ButtonTextLimit = 75;
    private const int ActionIdLimit = 255;
    private const int ValueLimit = 2000;
    private const int ButtonsPerBlock = 25;
    private const int BlockLimit = 50;

    // Separates a repeated action id from the number that keeps it unique within the message.
    private const char Repeat = '~';

    private static readonly SearchValues<char> Reserved = SearchValues.Create("&<>");

    /// <summary>The body of a <c>chat.postMessage</c>/<c>chat.postEphemeral</c>: fallback <c>text</c> and <c>blocks</c>.</summary>
    public static JsonObject Render(BotMessage message)
    {
        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(message.Title))
        {
            blocks.Add(Section($"*{Escape(message.Title)}*"));
        }

        foreach (var line in message.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).Take(BlockLimit - 10))
        {
            blocks.Add(Section(Escape(line)));
        }

        if (!string.IsNullOrWhiteSpace(message.Context))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(message.Context), SectionLimit) }),
            });
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in message.Buttons.Chunk(ButtonsPerBlock).Take(5))
        {
            var elements = new JsonArray();
            foreach (var button in chunk)
            {
                elements.Add(Button(button, seen));
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }

        return new JsonObject
        {
            ["text"] = Cut(Escape(message.PlainText), 4000),
            ["blocks"] = blocks,
        };
    }

    /// <summary>
    /// Writes what <see cref="Render"/> gives, byte for byte as its serialized tree would be, with
    /// <paramref name="responseType"/> after it when given: the text escaped into pooled buffers and written from there,
    /// with no JSON tree, no joined plain text and no escaped copy of a line (issue 11: a <c>/checkin help</c> answer
    /// allocated about 12 KB of them, which fed the gen0 collections behind the open loop's tail).
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

        // One pass and one builder: the text between mentions escaped as it is appended, the mentions kept.
        var builder = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (var mention in MentionPattern().EnumerateMatches(text))
        {
            AppendEscaped(builder, text.AsSpan(last, mention.Index - last)).Append(text, mention.Index, mention.Length);
            last = mention.Index + mention.Length;
        }

        return AppendEscaped(builder, text.AsSpan(last)).ToString();
    }

    /// <summary><see cref="BotMessage.PlainText"/>, escaped and cut as <see cref="Render"/> does, without the joined text.</summary>
    private static void WritePlainText(Utf8JsonWriter writer, BotMessage message)
    {
        var length = Math.Max(0, message.Lines.Count - 1) + 2;
        length += (message.Title?.Length ?? 0) + (message.Context?.Length ?? 0);
        foreach (var line in message.Lines)
        {
            length += line?.Length ?? 0;
        }

        var joined = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var at = 0;
            var first = true;
            void Append(string? part, char[] into)
            {
                if (!first)
                {
                    into[at++] = '\n';
                }

                first = false;
                part.AsSpan().CopyTo(into.AsSpan(at));
                at += part?.Length ?? 0;
            }

            if (!string.IsNullOrEmpty(message.Title))
            {
                Append(message.Title, joined);
            }

            foreach (var line in message.Lines)
            {
                Append(line, joined);
            }

            if (!string.IsNullOrEmpty(message.Context))
            {
                Append(message.Context, joined);
            }

            WriteEscaped(writer, "text", joined.AsSpan(0, at), 4000, bold: false);
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

            var last = 0;
            if (text.IndexOfAny(Reserved) >= 0)
            {
                foreach (var mention in MentionPattern().EnumerateMatches(text))
                {
                    length += EscapeInto(text[last..mention.Index], escaped.AsSpan(length));
                    text.Slice(mention.Index, mention.Length).CopyTo(escaped.AsSpan(length));
                    length += mention.Length;
                    last = mention.Index + mention.Length;
                }
            }

            length += EscapeInto(text[last..], escaped.AsSpan(length));
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

        // Rare in an acknowledgement: the buttons go through the same tree as a post.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in buttons.Chunk(ButtonsPerBlock).Take(5))
        {
            var elements = new JsonArray();
            foreach (var button in chunk)
            {
                elements.Add(Button(button, seen));
            }

            new JsonObject { ["type"] = "actions", ["elements"] = elements }.WriteTo(writer);
        }
    }

    private static JsonObject Button(MessageButton button, Dictionary<string, int> seen)
    {
        var id = Cut(button.ActionId, ActionIdLimit - 4);
        var count = seen[id] = seen.GetValueOrDefault(id) + 1;
        var element = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(button.Label, ButtonTextLimit), ["emoji"] = true },
            ["action_id"] = count == 1 ? id : $"{id}{Repeat}{count}",
            ["value"] = Cut(button.Value, ValueLimit),
        };
        if (button.Primary)
        {
            element["style"] = "primary";
        }

        return element;
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, SectionLimit) },
    };

    private static StringBuilder AppendEscaped(StringBuilder builder, ReadOnlySpan<char> plain)
    {
        int at;
        while ((at = plain.IndexOfAny(Reserved)) >= 0)
        {
            builder.Append(plain[..at]).Append(plain[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&gt;",
            });
            plain = plain[(at + 1)..];
        }

        return builder.Append(plain);
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");

    [GeneratedRegex(@"<[@#][A-Z0-9]+(?:\|[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
