using CheckinBot.Core.Turns;
using CheckinBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CheckinBot.Host.Tests.Configuration;

/// <summary>
/// On SQLite no other node writes, and every write on this one forgets what it changed, so read-only turns answer from
/// earlier reads for longer; on PostgreSQL another node's change must show within the short default.
/// </summary>
public sealed class RecentReadsLastLongerOnOneSqliteNodeTests
{
    [Fact]
    public void OnSqliteRecentReadsLastTheSingleNodeLifetime() =>
        Read([]).Turns.RecentReadsLifetime.Should().Be(TurnOptions.SingleNodeRecentReadsLifetime);

    [Fact]
    public void OnPostgresRecentReadsLastTheShortDefault() =>
        Read(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=db;Username=bot" })
            .Turns.RecentReadsLifetime.Should().Be(new TurnOptions().RecentReadsLifetime);

    [Fact]
    public void AConfiguredLifetimeStandsOnSqlite() =>
        Read(new() { ["Turns:RecentReadsLifetime"] = "00:00:02" }).Turns.RecentReadsLifetime.Should().Be(TimeSpan.FromSeconds(2));

    private static BotSettings Read(Dictionary<string, string?> values) =>
        BotSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), isDevelopment: false);
}
