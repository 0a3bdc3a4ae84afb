using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Core.Tests.Occurrences;

/// <summary>The next claim of a cycle takes only occurrences after the last one it claimed, in claim order.</summary>
public sealed class AClaimCursorLetsThroughWhatComesAfterItTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 17, 0);

    private static readonly Guid Collaboration = Guid.Parse("50000000-0000-0000-0000-000000000000");

    private static readonly ClaimCursor Cursor = new(Due, Collaboration, Guid.Parse("50000000-0000-0000-0000-000000000000"));

    [Fact]
    public void An_occurrence_later_in_claim_order_comes_after_the_cursor() =>
        ClaimCursor.IsAfter(At(Due, Collaboration, "60000000-0000-0000-0000-000000000000"), Cursor).Should().BeTrue();

    [Fact]
    public void An_occurrence_earlier_in_claim_order_does_not() =>
        ClaimCursor.IsAfter(At(Due, Collaboration, "40000000-0000-0000-0000-000000000000"), Cursor).Should().BeFalse();

    [Fact]
    public void The_occurrence_at_the_cursor_does_not() =>
        ClaimCursor.IsAfter(At(Due, Collaboration, "50000000-0000-0000-0000-000000000000"), Cursor).Should().BeFalse();

    [Fact]
    public void A_later_due_time_comes_after_whatever_its_collaboration() =>
        ClaimCursor.IsAfter(At(Due + Duration.FromMinutes(1), Guid.Empty, "00000000-0000-0000-0000-000000000000"), Cursor).Should().BeTrue();

    [Fact]
    public void Every_occurrence_comes_after_no_cursor() =>
        ClaimCursor.IsAfter(At(Due - Duration.FromDays(1), Guid.Empty, "00000000-0000-0000-0000-000000000000"), null).Should().BeTrue();

    private static Occurrence At(Instant due, Guid collaboration, string id) => new()
    {
        Id = Guid.Parse(id),
        RhythmId = Guid.NewGuid(),
        CollaborationId = collaboration,
        Due = due,
        RemindAt = due,
    };
}
