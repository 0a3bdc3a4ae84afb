using System.Text;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>One field of a request shape, by its dotted path, with the value a well-formed request would carry.</summary>
/// <param name="Required">Without it the request does nothing: exactly one required field is broken in each garbage request.</param>
public sealed record Slot(string Path, Func<Draw, string> Good, bool Required = false);

/// <summary>
/// Builds garbage that looks like the real thing: every field of the shape, one required field broken (absent, of
/// another type, a lone surrogate), optional fields good, odd, hostile or absent, and stray fields besides.
/// </summary>
public static class JsonShape
{
    public static string Garbage(Draw draw, IReadOnlyList<Slot> slots)
    {
        var required = slots.Where(s => s.Required).ToList();
        var broken = draw.Pick((IReadOnlyList<Slot>)required);
        var values = new List<(string Path, string Raw)>();
        foreach (var slot in slots)
        {
            var raw = slot == broken ? draw.Broken()
                : slot.Required ? (draw.Chance(90) ? slot.Good(draw) : draw.Odd())
                : draw.Number(0, 3) switch
                {
                    0 => null,
                    1 => draw.AnyValue(),
                    _ => slot.Good(draw),
                };
            if (raw is not null)
            {
                values.Add((slot.Path, raw));
            }
        }

        if (draw.Chance(20))
        {
            values.Add(("x" + draw.Number(0, 9), draw.AnyValue()));
        }

        return Object(values, "");
    }

    /// <summary>Nests dotted paths into objects. A broken parent (given as a value) hides its children.</summary>
    private static string Object(IReadOnlyList<(string Path, string Raw)> values, string prefix)
    {
        var parts = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, raw) in values.Where(v => v.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = path[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var key = dot < 0 ? rest : rest[..dot];
            if (!done.Add(key))
            {
                continue;
            }

            var own = values.FirstOrDefault(v => v.Path == prefix + key).Raw;
            var value = own ?? Object(values, prefix + key + ".");
            parts.Add(Draw.Quote(key) + ":" + value);
        }

        return new StringBuilder("{").AppendJoin(',', parts).Append('}').ToString();
    }
}
