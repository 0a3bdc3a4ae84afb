using System.Collections.Frozen;

namespace CheckinBot.Core.Pings.Classification;

/// <summary>
/// A small phrase pattern over normalised tokens, parsed once. Elements are separated by spaces:
/// <list type="bullet">
/// <item><c>a|b|c</c> — one token, any of the alternatives; <c>word*</c> matches a prefix,
/// <c>word~</c> tolerates one typo (two for words of nine letters or more), an alternative in
/// CAPITALS must have been written in capitals.</item>
/// <item><c>[a|b]</c> — an optional token.</item>
/// <item><c>...</c> — up to four tokens of anything; <c>...N</c> — up to N.</item>
/// <item><c>#name</c> — a word class from <see cref="CueWordClasses"/>; <c>#num</c> a number, <c>#frac</c> "3/4",
/// <c>#time</c> a clock time ("17h", "5pm", "16u", "14h30").</item>
/// <item><c>^</c> — start of the message; <c>$</c> — end of a sentence or of the message.</item>
/// </list>
/// </summary>
internal sealed class CuePattern
{
    private readonly Element[] _elements;

    private CuePattern(string source, Element[] elements)
    {
        Source = source;
        _elements = elements;
    }

    public string Source { get; }

    public static CuePattern Parse(string source)
    {
        var parts = source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var elements = new Element[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            elements[i] = Element.Parse(parts[i]);
        }

        return new CuePattern(source, elements);
    }

    /// <summary>Finds the first match; <paramref name="start"/> and <paramref name="end"/> (exclusive) delimit it.</summary>
    public bool TryMatch(NormalizedText text, out int start, out int end)
    {
        var tokens = text.TokenArray;
        var anchored = _elements.Length > 0 && _elements[0].Kind == ElementKind.Start;
        var last = anchored ? 0 : tokens.Length;
        for (start = 0; start <= last; start++)
        {
            end = MatchFrom(text, anchored ? 1 : 0, start);
            if (end >= 0)
            {
                return true;
            }
        }

        start = end = -1;
        return false;
    }

    private int MatchFrom(NormalizedText text, int element, int position)
    {
        if (element == _elements.Length)
        {
            return position;
        }

        var tokens = text.TokenArray;
        var current = _elements[element];
        switch (current.Kind)
        {
            case ElementKind.End:
                return text.IsSentenceEnd(position) ? MatchFrom(text, element + 1, position) : -1;
            case ElementKind.Gap:
                for (var skip = 0; skip <= current.MaxGap && position + skip <= tokens.Length; skip++)
                {
                    var end = MatchFrom(text, element + 1, position + skip);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return -1;
            default:
                if (position < tokens.Length && current.Accepts(tokens[position], text.ShoutedArray[position]))
                {
                    var end = MatchFrom(text, element + 1, position + 1);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return current.Kind == ElementKind.Optional ? MatchFrom(text, element + 1, position) : -1;
        }
    }

    private enum ElementKind
    {
        Token,
        Optional,
        Gap,
        Start,
        End,
    }

    private sealed class Element
    {
        private Alternative[] _alternatives = [];

        public ElementKind Kind { get; private init; }

        public int MaxGap { get; private init; }

        public static Element Parse(string part)
        {
            if (part == "^")
            {
                return new Element { Kind = ElementKind.Start };
            }

            if (part == "$")
            {
                return new Element { Kind = ElementKind.End };
            }

            if (part.StartsWith("...", StringComparison.Ordinal))
            {
                var max = part.Length == 3 ? 4 : int.Parse(part.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
                return new Element { Kind = ElementKind.Gap, MaxGap = max };
            }

            var optional = part.StartsWith('[') && part.EndsWith(']');
            var body = optional ? part[1..^1] : part;
            return new Element
            {
                Kind = optional ? ElementKind.Optional : ElementKind.Token,
                _alternatives = Array.ConvertAll(body.Split('|'), Alternative.Parse),
            };
        }

        public bool Accepts(string token, bool shouted)
        {
            foreach (var alternative in _alternatives)
            {
                if (alternative.Accepts(token, shouted))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed record Alternative(string Word, bool Prefix, bool Fuzzy, bool Shouted, FrozenSet<string>? WordClass)
    {
        public static Alternative Parse(string text)
        {
            if (text is "#num" or "#frac" or "#time")
            {
                return new Alternative(text, false, false, false, null);
            }

            if (text.StartsWith('#'))
            {
                return new Alternative(text, false, false, false, CueWordClasses.Get(text[1..]));
            }

            var prefix = text.EndsWith('*');
            var fuzzy = text.EndsWith('~');
            var word = prefix || fuzzy ? text[..^1] : text;
            var shouted = word.Length >= 2 && word.Any(char.IsLetter) && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            return new Alternative(TextNormalizer.FoldWord(word), prefix, fuzzy, shouted, null);
        }

        public bool Accepts(string token, bool shouted)
        {
            if (WordClass is not null)
            {
                return WordClass.Contains(token);
            }

            if (Word == "#num")
            {
                return token.Length > 0 && token.All(char.IsAsciiDigit);
            }

            if (Word == "#frac")
            {
                return token.Contains('/', StringComparison.Ordinal);
            }

            if (Word == "#time")
            {
                return IsClockTime(token);
            }

            if (Shouted && !shouted)
            {
                return false;
            }

            if (Prefix)
            {
                return token.StartsWith(Word, StringComparison.Ordinal);
            }

            if (string.Equals(token, Word, StringComparison.Ordinal))
            {
                return true;
            }

            return Fuzzy && Typo.IsWithin(token, Word);
        }

        /// <summary>One or two digits, then "h", "u", "uur", "am" or "pm", optionally minutes after "h".</summary>
        private static bool IsClockTime(string token)
        {
            var digits = 0;
            while (digits < token.Length && char.IsAsciiDigit(token[digits]))
            {
                digits++;
            }

            if (digits is 0 or > 2)
            {
                return false;
            }

            var rest = token.AsSpan(digits);
            if (rest is "u" or "uur" or "am" or "pm" or "h")
            {
                return true;
            }

            return rest.Length == 3 && rest[0] == 'h' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]);
        }
    }
}
