namespace CheckinBot.Pings.Rules;

/// <summary>
/// Tolerates a typo in a longer cue word: one edit (insert, delete, substitute or swap of two
/// neighbours) for words of five letters or more, two from nine letters. The first letter must
/// agree, which keeps "argent" from reading as "urgent".
/// </summary>
internal static class Typo
{
    public static bool IsWithin(string token, string word)
    {
        if (word.Length < 5 || token.Length == 0 || token[0] != word[0])
        {
            return false;
        }

        var allowed = word.Length >= 9 ? 2 : 1;
        if (Math.Abs(token.Length - word.Length) > allowed)
        {
            return false;
        }

        return Distance(token, word, allowed) <= allowed;
    }

    /// <summary>Optimal string alignment distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
