using System.Buffers;
using System.Text;
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
