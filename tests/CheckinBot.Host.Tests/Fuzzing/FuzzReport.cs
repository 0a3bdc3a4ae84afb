namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>What a fuzz run saw: answers by status, 5xx answers and logged failures (each with the seed), the database before and after.</summary>
public sealed record FuzzReport(
    ulong Seed,
    int Count,
    TimeSpan Elapsed,
    IReadOnlyDictionary<int, int> Statuses,
    IReadOnlyList<string> ServerErrors,
    IReadOnlyList<string> LoggedFailures,
    (string Hash, IReadOnlyDictionary<string, int> Rows) Before,
    (string Hash, IReadOnlyDictionary<string, int> Rows) After)
{
    public override string ToString() =>
        $"seed {Seed}: {Count} requests in {Elapsed.TotalSeconds:0.0} s; " + string.Join(", ", Statuses.Select(s => $"{s.Value}×{s.Key}"));

    /// <summary>No 5xx, nothing unhandled in the log, every table as it was.</summary>
    public void ShouldHaveChangedNothing()
    {
        ServerErrors.Should().BeEmpty($"no request may get a 5xx ({this}); the first: {(ServerErrors.Count > 0 ? ServerErrors[0] : "")}");
        LoggedFailures.Should().BeEmpty($"nothing may fail unhandled ({this}); the first: {(LoggedFailures.Count > 0 ? LoggedFailures[0] : "")}");
        After.Rows.Should().Equal(Before.Rows, $"garbage changes no table ({this})");
        After.Hash.Should().Be(Before.Hash, $"garbage changes no row ({this})");
    }
}
