using System.Collections.ObjectModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckinBot.Core.Commands;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// A message's text as the core reads it: the bot's own mention removed, other mentions rewritten to the neutral
/// <c>&lt;@id&gt;</c>, markup and entities decoded. Mentions are found through the activity's <c>entities</c>.
/// </summary>
internal static partial class MentionText
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = ReadOnlyDictionary<string, string>.Empty;

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>The cleaned text, whether the bot itself was mentioned, and the names of the other people mentioned.</summary>
    public static (string Text, bool MentionsBot, IReadOnlyDictionary<string, string> Names) Clean(Activity activity)
    {
        var text = Words.Clean(activity.Text ?? "");
        var botId = activity.Recipient?.Id;
        var mentionsBot = false;
        // Most messages mention nobody: the lists are made for the first mention found.
        List<string>? placeholders = null;
        Dictionary<string, string>? names = null;
        foreach (var entity in activity.Entities ?? [])
        {
            if (ActivityJson.Str(entity, "type") != "mention" || ActivityJson.Obj(entity, "mentioned") is not { } mentioned ||
                ActivityJson.Str(mentioned, "id") is not { Length: > 0 } id)
            {
                continue;
            }

            var isBot = id == botId;
            mentionsBot |= isBot;
            var replacement = isBot ? " " : $"<@{id}>";
            var marker = $"\u0001{placeholders?.Count ?? 0}\u0002";
            var written = ActivityJson.Str(entity, "text");
            var name = ActivityJson.Str(mentioned, "name");
            var found = false;
            foreach (var form in new[] { written, name is null ? null : $"<at>{name}</at>" })
            {
                if (!string.IsNullOrEmpty(form) && text.Contains(form, StringComparison.Ordinal))
                {
                    text = ReplaceFirst(text, form, marker);
                    found = true;
                    break;
                }
            }

            if (found)
            {
                (placeholders ??= []).Add(replacement);
                if (!isBot && !string.IsNullOrWhiteSpace(name))
                {
                    (names ??= new Dictionary<string, string>(StringComparer.Ordinal))[id] = name.Trim();
                }
            }
        }

        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = Tag().Replace(text, " ");
        }

        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        for (var i = 0; i < (placeholders?.Count ?? 0); i++)
        {
            text = text.Replace($"\u0001{i}\u0002", $" {placeholders![i]} ", StringComparison.Ordinal);
        }

        return (Spaces().Replace(text, " ").Trim(), mentionsBot, names ?? NoNames);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return new StringBuilder(text).Remove(at, what.Length).Insert(at, with).ToString();
    }
}
