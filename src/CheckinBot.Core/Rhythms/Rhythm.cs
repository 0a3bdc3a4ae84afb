using CheckinBot.Core.Collaborations;
using NodaTime;

namespace CheckinBot.Core.Rhythms;

/// <summary>
/// One agreed recurring moment. It changes only when one side proposes and the other accepts;
/// every step is kept in <see cref="Events"/>.
/// </summary>
public sealed class Rhythm
{
    public required Guid Id { get; init; }
    public required Guid CollaborationId { get; init; }

    /// <summary>The short number people type (<c>/checkin accept 2</c>), unique within the collaboration.</summary>
    public required int Number { get; init; }

    public required RhythmKind Kind { get; init; }
    public required Days Days { get; init; }
    public required LocalTime At { get; init; }

    /// <summary>The IANA zone the local time is read in.</summary>
    public required string TimeZone { get; init; }

    public RhythmState State { get; set; } = RhythmState.Proposed;
    public required string ProposedBy { get; init; }
    public required Side ProposedBySide { get; init; }
    public required Instant ProposedAt { get; init; }
    public Instant? AgreedAt { get; set; }

    /// <summary>While paused with an end: the first local date on which the rhythm runs again.</summary>
    public LocalDate? PausedUntil { get; set; }

    /// <summary>The planner has written every occurrence due up to this instant.</summary>
    public Instant PlannedUntil { get; set; }

    public List<RhythmEvent> Events { get; init; } = [];

    public Recurrence Recurrence(IDateTimeZoneProvider zones) => new(Days, At, zones[TimeZone]);

    /// <summary>True when the planner should write occurrences on this local date.</summary>
    public bool RunsOn(LocalDate date) => State switch
    {
        RhythmState.Agreed => true,
        RhythmState.Paused => PausedUntil is { } until && date >= until,
        _ => false,
    };

    /// <summary>True when the rhythm is, or will again be, producing occurrences.</summary>
    public bool IsScheduled => State == RhythmState.Agreed || (State == RhythmState.Paused && PausedUntil is not null);

    public static Rhythm Propose(Guid collaborationId, int number, RhythmKind kind, Days days, LocalTime at, string zone,
        string actorId, Side side, Instant now)
    {
        var rhythm = new Rhythm
        {
            Id = Guid.NewGuid(),
            CollaborationId = collaborationId,
            Number = number,
            Kind = kind,
            Days = days,
            At = at,
            TimeZone = zone,
            ProposedBy = actorId,
            ProposedBySide = side,
            ProposedAt = now,
            PlannedUntil = now,
        };
        rhythm.Record(now, actorId, RhythmAction.Proposed, $"{kind} {days} {at:HH:mm} {zone}");
        return rhythm;
    }

    public AgreementError Accept(string actorId, Side side, Instant now)
    {
        if (State != RhythmState.Proposed)
        {
            return AgreementError.NotOpen;
        }

        if (side == ProposedBySide)
        {
            return AgreementError.OwnProposal;
        }

        State = RhythmState.Agreed;
        AgreedAt = now;
        PlannedUntil = now;
        Record(now, actorId, RhythmAction.Accepted);
        return AgreementError.None;
    }

    public AgreementError Decline(string actorId, Side side, Instant now, string? reason)
    {
        if (State != RhythmState.Proposed)
        {
            return AgreementError.NotOpen;
        }

        // Withdrawing one's own proposal is allowed; it reads as a decline in the trail.
        State = RhythmState.Declined;
        Record(now, actorId, RhythmAction.Declined, reason);
        _ = side;
        return AgreementError.None;
    }

    public void Supersede(string actorId, Instant now, int byNumber)
    {
        State = RhythmState.Superseded;
        Record(now, actorId, RhythmAction.Superseded, $"by #{byNumber}");
    }

    public AgreementError Pause(string actorId, Instant now, LocalDate? until)
    {
        if (State is not (RhythmState.Agreed or RhythmState.Paused))
        {
            return AgreementError.NotAgreed;
        }

        State = RhythmState.Paused;
        PausedUntil = until;
        Record(now, actorId, RhythmAction.Paused, until?.ToString("yyyy-MM-dd", null));
        return AgreementError.None;
    }

    public AgreementError Resume(string actorId, Instant now)
    {
        if (State != RhythmState.Paused)
        {
            return AgreementError.NotPaused;
        }

        State = RhythmState.Agreed;
        PausedUntil = null;
        if (PlannedUntil < now)
        {
            PlannedUntil = now;
        }

        Record(now, actorId, RhythmAction.Resumed);
        return AgreementError.None;
    }

    public AgreementError Retire(string actorId, Instant now)
    {
        if (State is RhythmState.Retired or RhythmState.Declined or RhythmState.Superseded)
        {
            return AgreementError.AlreadyRetired;
        }

        State = RhythmState.Retired;
        Record(now, actorId, RhythmAction.Retired);
        return AgreementError.None;
    }

    public void RecordSkip(string actorId, Instant now, Instant due) =>
        Record(now, actorId, RhythmAction.Skipped, due.ToString());

    private void Record(Instant now, string actorId, RhythmAction action, string? detail = null) =>
        Events.Add(new RhythmEvent(Guid.NewGuid(), Id, now, actorId, action, detail));
}
