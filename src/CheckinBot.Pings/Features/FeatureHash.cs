namespace CheckinBot.Pings.Features;

/// <summary>
/// FNV-1a over the characters of a feature's name, built piece by piece without a string: the same code hashes
/// the features when the model is trained and when it is served.
/// </summary>
internal struct FeatureHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    private uint _value;

    public static FeatureHash Start(char kind)
    {
        var hash = new FeatureHash { _value = Offset };
        hash.Add(kind);
        hash.Add(':');
        return hash;
    }

    public void Add(char c)
    {
        _value ^= c;
        _value *= Prime;
    }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Add(c);
        }
    }

    /// <summary>The feature's index in a space of 2^<paramref name="bits"/>.</summary>
    public readonly int Index(int bits) => (int)((_value ^ (_value >> bits)) & ((1u << bits) - 1));
}
