using CheckinBot.Core.Pings;
using CheckinBot.Pings.Features;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Training;

/// <summary>
/// What the stacked trees learn from: the linear model's class probabilities, and the few features whose conjunctions
/// a linear model cannot weigh ("a question AND no word of progress AND addressed to someone else").
/// </summary>
internal static class StackFeatures
{
    public const int Width = 14;

    /// <summary>The stack features of one message scored by <paramref name="linear"/>.</summary>
    public static float[] Of(LearnedPingClassifier linear, string message, PingAddressees addressees, out PingReading reading)
    {
        reading = linear.Read(message, null, addressees);
        var text = TextNormalizer.Normalize(message, addressees.Names, addressees.Ids);
        var used = new bool[text.TokenArray.Length];
        var rules = PingRules.Read(text, used);
        return
        [
            reading.Status,
            reading.Urgent,
            1f - reading.Status - reading.Urgent,
            Math.Min(text.QuestionMarks, 3),
            Math.Min(text.ExclamationMarks, 3),
            PingFeatures.HasProgressWord(text, used) ? 1 : 0,
            text.TokenArray.Length > 0 && text.TokenArray[0] == TextNormalizer.Someone ? 1 : 0,
            text.StartsAddressed ? 1 : 0,
            Math.Min(text.TokenArray.Length, 60),
            rules.UrgentWord ? 1 : 0,
            rules.Calm ? 1 : 0,
            rules.Mentioned > 0 ? 1 : 0,
            text.Letters == 0 ? 0 : (float)text.UpperLetters / text.Letters,
            text.HasLink ? 1 : 0,
        ];
    }
}
