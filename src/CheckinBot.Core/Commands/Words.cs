using System.Buffers;
using System.Globalization;
using System.Text;

namespace CheckinBot.Core.Commands;

/// <summary>Normalisation of typed words: lower case, accents removed.</summary>
public static class Words
{
    private const char Replacement = '\uFFFD';

    public static string Fold(string word)
    {
        var lowered = Clean(word).Trim().ToLowerInvariant();
        if (Ascii.IsValid(lowered))
        {
            // No accent to take off and no curly apostrophe: every command word a person types in ASCII ("help",
            // "status") is done here, without a copy.
            return lowered;
        }

        var decomposed = lowered.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Replace('’', '\'');
    }

    /// <summary>
    /// The text with every lone surrogate and every noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their twins in
    /// the other planes) replaced by U+FFFD. Such text arrives from hostile clients; .NET's normalisation throws on it.
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var used);
            if (status == OperationStatus.Done && !IsNoncharacter(rune.Value))
            {
                builder.Append(rest[..used]);
            }
            else
            {
                builder.Append(Replacement);
            }

            rest = rest[used..];
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || IsNoncharacter(rune.Value))
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
