using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>Counts of expected class against decided class.</summary>
public sealed class ConfusionMatrix
{
    private const int Classes = 3;
    private readonly int[] _counts = new int[Classes * Classes];

    /// <summary>How many messages labelled <paramref name="expected"/> were classified as <paramref name="actual"/>.</summary>
    public int this[PingClass expected, PingClass actual] => _counts[Index(expected, actual)];

    public int Total { get; private set; }

    /// <summary>Of the messages classified as <paramref name="value"/>, the share that were; 1 when none were.</summary>
    public double Precision(PingClass value)
    {
        var decided = 0;
        foreach (var expected in Enum.GetValues<PingClass>())
        {
            decided += this[expected, value];
        }

        return decided == 0 ? 1.0 : (double)this[value, value] / decided;
    }

    /// <summary>Of the messages labelled <paramref name="value"/>, the share found; 1 when there were none.</summary>
    public double Recall(PingClass value)
    {
        var labelled = Labelled(value);
        return labelled == 0 ? 1.0 : (double)this[value, value] / labelled;
    }

    /// <summary>How many messages carry the label <paramref name="value"/>.</summary>
    public int Labelled(PingClass value)
    {
        var labelled = 0;
        foreach (var actual in Enum.GetValues<PingClass>())
        {
            labelled += this[value, actual];
        }

        return labelled;
    }

    public void Add(PingClass expected, PingClass actual)
    {
        _counts[Index(expected, actual)]++;
        Total++;
    }

    private static int Index(PingClass expected, PingClass actual) => (int)expected * Classes + (int)actual;
}
