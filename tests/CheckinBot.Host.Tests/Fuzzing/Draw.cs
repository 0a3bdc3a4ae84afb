using System.Text;
using CsCheck;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>
/// Random choices from CsCheck's seeded PCG: the same seed draws the same requests on every run. Strings come as raw
/// JSON fragments, because the hostile ones (a lone surrogate escaped as <c>\ud800</c>) cannot pass a JSON writer.
/// </summary>
public sealed class Draw(PCG pcg)
{
    private static readonly Gen<string> AnyText = Gen.String[0, 24];

    /// <summary>Strings that are valid but odd: noncharacters, controls, markup, whitespace, a long one.</summary>
    private static readonly string[] OddTexts =
    [
        "", " ", "\t\n", "\uFFFE", "\uFFFF", "\uFDD0x", "\U0010FFFE", "\u0000", "\u202Eabc", "<at>x</at>", "<@U1|x>", "&amp;&lt;", "%s%n",
        "😀", "a\u0301", "/checkin", "/checkin \uFFFE", "checkin propose update weekdays 99:99", "DRINGEND \uFFFE", "any update?",
    ];

    /// <summary>Escaped forms that are valid JSON but no valid UTF-16 once unescaped.</summary>
    private static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"a\\udc00\"", "\"\\udfff\\ud800\"", "\"x\\ud83d\""];

    /// <summary>Values of every JSON type but string.</summary>
    private static readonly string[] OtherTypes = ["0", "-1", "1e308", "1.5", "true", "false", "null", "[]", "{}", "[\"x\",1]", "{\"id\":{}}", "99999999999999999999999"];

    public int Number(int min, int max) => Gen.Int[min, max].Generate(pcg, null, out _);

    public bool Chance(int percent) => Number(1, 100) <= percent;

    public T Pick<T>(IReadOnlyList<T> choices) => choices[Number(0, choices.Count - 1)];

    public T Pick<T>(params T[] choices) => Pick((IReadOnlyList<T>)choices);

    /// <summary>Any UTF-16, lone surrogates included.</summary>
    public string Text() => AnyText.Generate(pcg, null, out _);

    /// <summary>A JSON string literal; surrogates, halves of a pair or lone, are written as <c>\uXXXX</c> escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < ' ' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A good string value, as JSON.</summary>
    public string Good(params string[] choices) => Quote(Pick(choices));

    /// <summary>A valid JSON string that is odd: random, noncharacter, markup.</summary>
    public string Odd() => Quote(Chance(50) ? Pick(OddTexts) : Text());

    /// <summary>What makes a required field unusable: absent (null), of another JSON type, or a lone surrogate.</summary>
    public string? Broken() => Number(0, 2) switch
    {
        0 => null,
        1 => Pick(OtherTypes),
        _ => Pick(LoneSurrogates),
    };

    /// <summary>Any JSON value at all, strings hostile or not.</summary>
    public string AnyValue() => Number(0, 3) switch
    {
        0 => Pick(OtherTypes),
        1 => Pick(LoneSurrogates),
        _ => Odd(),
    };

    /// <summary>Bytes that are mostly not JSON: random text, cut-off JSON, invalid UTF-8.</summary>
    public byte[] Junk() => Number(0, 4) switch
    {
        0 => Encoding.UTF8.GetBytes(Text()),
        1 => Encoding.UTF8.GetBytes(Pick("{", "{\"type\":", "[1,2", "{\"a\":\"\\ud800", "nul", "\"\\x\"", "{}}", "")),
        2 => [0xFF, 0xFE, 0x7B, 0x7D],
        3 => Encoding.UTF8.GetBytes(Pick(OtherTypes)),
        _ => [0xEF, 0xBB, 0xBF, 0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    };
}
