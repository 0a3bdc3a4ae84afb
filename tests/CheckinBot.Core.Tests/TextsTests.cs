using System.Collections;
using System.Globalization;
using System.Resources;
using CheckinBot.Core.Texts;

namespace CheckinBot.Core.Tests;

public class TextsTests
{
    private static readonly ResourceManager Resources = new("CheckinBot.Core.Texts.Texts", typeof(Localizer).Assembly);

    public static IEnumerable<object[]> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!
            .Cast<DictionaryEntry>()
            .Select(e => new object[] { (string)e.Key });

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_text_exists_in_Dutch_and_French_with_the_same_placeholders(string key)
    {
        var english = Resources.GetString(key, CultureInfo.InvariantCulture)!;
        foreach (var language in new[] { "nl", "fr" })
        {
            var translated = Resources.GetResourceSet(CultureInfo.GetCultureInfo(language), true, false)?.GetString(key);
            translated.Should().NotBeNullOrWhiteSpace($"'{key}' needs a {language} text");
            Placeholders(translated!).Should().BeEquivalentTo(Placeholders(english), $"'{key}' in {language} fills the same blanks");
        }
    }

    [Fact]
    public void Languages_are_normalised_to_nl_en_fr()
    {
        Localizer.Normalize("nl-BE").Should().Be("nl");
        Localizer.Normalize("fr_FR").Should().Be("fr");
        Localizer.Normalize("de").Should().Be("en");
        Localizer.Normalize(null).Should().Be("en");
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).ToHashSet();
}
