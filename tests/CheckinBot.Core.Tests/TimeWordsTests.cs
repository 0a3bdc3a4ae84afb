using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Tests;

/// <summary>Relative times read as a person would say them, one unit singular.</summary>
public sealed class TimeWordsTests
{
    [Theory]
    [InlineData("en", 0, "now")]
    [InlineData("en", 1, "in 1 minute")]
    [InlineData("en", 45, "in 45 minutes")]
    [InlineData("en", 60, "in 1 hour")]
    [InlineData("en", 150, "in 3 hours")]
    [InlineData("en", 1420, "in 1 day")]
    [InlineData("en", 2880, "in 2 days")]
    [InlineData("nl", 1, "over 1 minuut")]
    [InlineData("nl", 1420, "over 1 dag")]
    [InlineData("nl", 4320, "over 3 dagen")]
    [InlineData("fr", 1, "dans 1 minute")]
    [InlineData("fr", 1420, "dans 1 jour")]
    [InlineData("fr", 2880, "dans 2 jours")]
    public void RelativeTimesUseTheSingularForOne(string language, int minutes, string expected) =>
        TimeWords.Relative(language, Duration.FromMinutes(minutes)).Should().Be(expected);
}
