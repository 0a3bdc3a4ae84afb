using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>The figures for one language (or "all").</summary>
public sealed class LanguageMetrics
{
    public LanguageMetrics(string language)
    {
        Language = language;
    }

    public string Language { get; }

    public ConfusionMatrix Confusion { get; } = new();

    public int Total => Confusion.Total;

    public double StatusPrecision => Confusion.Precision(PingClass.StatusCheck);

    public double StatusRecall => Confusion.Recall(PingClass.StatusCheck);

    public double UrgentPrecision => Confusion.Precision(PingClass.Urgent);

    public double UrgentRecall => Confusion.Recall(PingClass.Urgent);

    /// <summary>How many messages labelled other were read as a status check.</summary>
    public int OtherAsStatus => Confusion[PingClass.Other, PingClass.StatusCheck];

    /// <summary>The share of messages labelled other that were read as a status check; 0 when there are none.</summary>
    public double OtherAsStatusRate
    {
        get
        {
            var others = Confusion.Labelled(PingClass.Other);
            return others == 0 ? 0.0 : (double)OtherAsStatus / others;
        }
    }
}
