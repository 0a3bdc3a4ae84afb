using System.Diagnostics;
using System.Diagnostics.Metrics;
using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Core.Telemetry;

/// <summary>
/// A span per delivery cycle (<c>checkinbot.delivery.cycle</c>) with a child per occurrence it posts
/// (<c>checkinbot.occurrence.post</c>, ids as tags), and the delivery counters: occurrences due, delivered, late and
/// missed, and how late each delivered one went out.
/// </summary>
public static class DeliveryTelemetry
{
    public const string CycleSpan = "checkinbot.delivery.cycle";
    public const string PostSpan = "checkinbot.occurrence.post";

    public const string DueName = "checkinbot.occurrences.due";
    public const string DeliveredName = "checkinbot.occurrences.delivered";
    public const string LateName = "checkinbot.occurrences.late";
    public const string MissedName = "checkinbot.occurrences.missed";
    public const string LatenessName = "checkinbot.occurrence.lateness";

    private static readonly Counter<long> Due = CheckinTelemetry.Meter.CreateCounter<long>(DueName, "{occurrence}", "Occurrences claimed for posting because they were due (a retry counts again).");
    private static readonly Counter<long> Delivered = CheckinTelemetry.Meter.CreateCounter<long>(DeliveredName, "{occurrence}", "Occurrences posted to their conversation.");
    private static readonly Counter<long> Late = CheckinTelemetry.Meter.CreateCounter<long>(LateName, "{occurrence}", "Occurrences posted after their due minute, with a note.");
    private static readonly Counter<long> Missed = CheckinTelemetry.Meter.CreateCounter<long>(MissedName, "{occurrence}", "Occurrences past the grace period, recorded as missed.");

    private static readonly Histogram<double> Lateness = CheckinTelemetry.Meter.CreateHistogram(LatenessName, "s", "How long after its due instant an occurrence was posted.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600, 7200] });

    public static Activity? StartCycle(Instant now)
    {
        var activity = CheckinTelemetry.Source.StartActivity(CycleSpan);
        activity?.SetTag("checkinbot.now", now.ToString());
        return activity;
    }

    /// <summary>What the cycle did, as tags of its span.</summary>
    public static void Finish(Activity? cycle, int planned, DeliveryReport report)
    {
        if (cycle is { IsAllDataRequested: true })
        {
            cycle.SetTag("checkinbot.planned", planned);
            cycle.SetTag("checkinbot.posted", report.Posted);
            cycle.SetTag("checkinbot.late", report.Late);
            cycle.SetTag("checkinbot.missed", report.Missed);
            cycle.SetTag("checkinbot.failed", report.Failures.Count);
        }
    }

    /// <summary>The span of one claimed occurrence, around its post; counts it as due.</summary>
    public static Activity? StartPost(Occurrence occurrence)
    {
        Due.Add(1);
        var activity = CheckinTelemetry.Source.StartActivity(PostSpan);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("checkinbot.occurrence_id", occurrence.Id.ToString());
            activity.SetTag("checkinbot.occurrence_key", occurrence.Key);
            activity.SetTag("checkinbot.rhythm_id", occurrence.RhythmId.ToString());
            activity.SetTag("checkinbot.collaboration_id", occurrence.CollaborationId.ToString());
            activity.SetTag("checkinbot.due", occurrence.Due.ToString());
            activity.SetTag("checkinbot.attempts", occurrence.Attempts);
        }

        return activity;
    }

    /// <summary>Counts what became of an occurrence, and tags its span with it.</summary>
    public static void Record(Activity? post, Occurrence occurrence, PostOutcome outcome)
    {
        post?.SetTag("checkinbot.outcome", outcome.Status.ToString());
        post?.SetTag("checkinbot.message_id", outcome.MessageId);
        switch (outcome.Status)
        {
            case OccurrenceStatus.Posted:
                Delivered.Add(1);
                if (outcome.Late)
                {
                    Late.Add(1);
                }

                if (outcome.PostedAt is { } at)
                {
                    Lateness.Record(Math.Max(0, (at - occurrence.Due).TotalSeconds));
                }

                break;
            case OccurrenceStatus.Missed:
                Missed.Add(1);
                break;
        }
    }
}
