using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace CheckinBot.Core.Texts;

/// <summary>Every sentence the bot says, in Dutch, English and French, from the Texts resources.</summary>
public static class Localizer
{
    public static readonly IReadOnlyList<string> Languages = ["en", "nl", "fr"];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

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

    /// <summary>The culture of a language; read once, since <see cref="CultureInfo.GetCultureInfo(string)"/> takes a lock on every call.</summary>
    public static CultureInfo Culture(string language) => Normalize(language) switch
    {
        "nl" => Dutch,
        "fr" => French,
        _ => English,
    };

    /// <summary>The sentence <paramref name="key"/> in <paramref name="language"/>, its placeholders filled.</summary>
    public static string Get(string language, string key, params object?[] args)
    {
        var culture = Culture(language);
        var template = Templates.GetOrAdd((culture.Name, key), static k => Resources.GetString(k.Key, Culture(k.Language)))
            ?? throw new KeyNotFoundException($"No text '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>True when the key exists in the neutral resources.</summary>
    public static bool Has(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;
}
