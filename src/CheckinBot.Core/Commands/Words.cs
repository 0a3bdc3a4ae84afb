using System.Globalization;
using System.Text;

namespace CheckinBot.Core.Commands;

/// <summary>Normalisation of typed words: lower case, accents removed.</summary>
public static class Words
{
    public static string Fold(string word)
    {
        var decomposed = word.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
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
}
