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
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match mention in MentionPattern().Matches(text))
        {
            builder.Append(EscapePlain(text[last..mention.Index])).Append(mention.Value);
            last = mention.Index + mention.Length;
        }

        return builder.Append(EscapePlain(text[last..])).ToString();
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

    private static string EscapePlain(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");

    [GeneratedRegex(@"<[@#][A-Z0-9]+(?:\|[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
