using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace CheckinBot.Core.Texts;

/// <summary>Every sentence the bot says, in Dutch, English and French, from the Texts resources.</summary>
public static class Localizer
{
    public static readonly IReadOnlyList<string> Languages = ["en", "nl", "fr"];

    private static readonly ResourceManager Resources = new("CheckinBot.Core.Texts.Texts", typeof(Localizer).Assembly);

    /// <summary>Each template read from the resources once: a burst composes the same few sentences a hundred thousand times.</summary>
    private static readonly ConcurrentDictionary<(string Language, string Key), string?> Templates = new();

    /// <summary>"nl", "en" or "fr" for any language tag; English when unknown.</summary>
    public static string Normalize(string? language)
    {
        if (language is "nl" or "en" or "fr")
        {
            return language;
        }

        var tag = (language ?? "").Trim().ToLowerInvariant();
        return tag.StartsWith("nl", StringComparison.Ordinal) ? "nl"
            : tag.StartsWith("fr", StringComparison.Ordinal) ? "fr"
            : "en";
    }

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Normalize(language));

    /// <summary>The sentence <paramref name="key"/> in <paramref name="language"/>, its placeholders filled.</summary>
    public static string Get(string language, string key, params object?[] args)
    {
        var culture = Culture(language);
        var template = Templates.GetOrAdd((culture.Name, key), static k => Resources.GetString(k.Key, CultureInfo.GetCultureInfo(k.Language)))
            ?? throw new KeyNotFoundException($"No text '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>True when the key exists in the neutral resources.</summary>
    public static bool Has(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;
}
