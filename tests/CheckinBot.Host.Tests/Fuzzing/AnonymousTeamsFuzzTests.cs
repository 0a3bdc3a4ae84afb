using Xunit.Abstractions;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>In the anonymous Development mode garbage needs no token: 10,000 seeded hostile activities change nothing.</summary>
public sealed class AnonymousTeamsFuzzTests(AnonymousTeamsFuzzHost host, ITestOutputHelper output) : IClassFixture<AnonymousTeamsFuzzHost>
{
    [Fact]
    public async Task Teams_activities_garbage_without_a_token_changes_nothing()
    {
        var report = await host.RunAsync(202, 10_000, host.Teams.Next);

        output.WriteLine(report.ToString());
        report.ShouldHaveChangedNothing();
    }
}
