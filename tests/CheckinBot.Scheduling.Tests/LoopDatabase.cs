using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

/// <summary>
/// One database that several nodes share: the kit's <see cref="ThrowAwayDatabase"/>, a SQLite file or a new database on
/// PostgreSQL (skipped without one, and a failure then when <c>CHECKINBOT_REQUIRE_SERVICES=1</c>).
/// </summary>
public sealed class LoopDatabase(ThrowAwayDatabase database) : IAsyncDisposable
{
    public static async Task<LoopDatabase> SqliteAsync() => new(await ThrowAwayDatabase.SqliteAsync("scheduling"));

    public static async Task<LoopDatabase> PostgresAsync() => new(await ThrowAwayDatabase.PostgresAsync("loop"));

    /// <summary>A node on this database, its clock at <paramref name="now"/>, posting through <paramref name="platform"/>.</summary>
    public Task<DeliveryHarness> NodeAsync(string workerId, Instant now, IChatGateway platform, Action<DeliveryOptions>? delivery = null) =>
        DeliveryHarness.StartAsync(database.Folder, workerId, storage: database.Storage, now: now, platform: platform, delivery: delivery);

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
