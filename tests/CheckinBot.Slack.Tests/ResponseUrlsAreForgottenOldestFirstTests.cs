using CheckinBot.Core.Clock;
using CheckinBot.Slack.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Slack.Tests;

public sealed class ResponseUrlsAreForgottenOldestFirstTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 16, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ACommandPastItsHalfHourIsForgottenWhenTheNextOneIsRemembered()
    {
        var urls = new SlackResponseUrls(new WallClock(time));
        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/a");
        time.Advance(TimeSpan.FromMinutes(31));

        urls.Remember("T", "C2", "U2", "https://hooks.slack.com/commands/T/2/b");

        urls.Count.Should().Be(1);
        urls.Take("T", "C1", null).Should().BeNull();
        urls.Take("T", "C2", null)!.Value.User.Should().Be("U2");
    }

    [Fact]
    public void BeyondItsCapacityTheOldestCommandIsForgottenFirst()
    {
        var urls = new SlackResponseUrls(new WallClock(time), capacity: 3);

        foreach (var n in Enumerable.Range(1, 4))
        {
            urls.Remember("T", $"C{n}", $"U{n}", $"https://hooks.slack.com/commands/T/{n}/x");
        }

        urls.Count.Should().Be(3);
        urls.Take("T", "C1", "U1").Should().BeNull();
        urls.Take("T", "C4", "U4")!.Value.Url.Should().Be(new Uri("https://hooks.slack.com/commands/T/4/x"));
    }

    [Fact]
    public void APersonWhoRanTheCommandAgainKeepsTheNewerAddressWhenTheOlderIsForgotten()
    {
        var urls = new SlackResponseUrls(new WallClock(time), capacity: 2);
        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/older");
        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/newer");

        urls.Remember("T", "C2", "U2", "https://hooks.slack.com/commands/T/2/x");

        urls.Take("T", "C1", null)!.Value.Url.Should().Be(new Uri("https://hooks.slack.com/commands/T/1/newer"));
        urls.Count.Should().Be(2);
    }

    [Fact]
    public void ACommandFromSomeoneAlreadyRememberedKeepsTheNamesFirstRememberedNotItsOwnCopies()
    {
        var urls = new SlackResponseUrls(new WallClock(time));
        var first = new string("U1".AsSpan());
        var again = new string("U1".AsSpan());
        urls.Remember("T", "C1", first, "https://hooks.slack.com/commands/T/1/older");

        urls.Remember("T", "C1", again, "https://hooks.slack.com/commands/T/1/newer");

        var taken = urls.Take("T", "C1", null)!.Value;
        taken.Url.Should().Be(new Uri("https://hooks.slack.com/commands/T/1/newer"));
        ReferenceEquals(taken.User, first).Should().BeTrue("what a command leaves behind outlives the runtime's young collections, so it holds no copies");
    }

    [Fact]
    public void AnAddressSupersededByTheSamePersonsNextCommandIsNotKeptUntilItsTurnToBeForgotten()
    {
        var urls = new SlackResponseUrls(new WallClock(time));
        var older = RememberAndWatch(urls, "https://hooks.slack.com/commands/T/1/older");

        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/newer");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        older.IsAlive.Should().BeFalse("only the latest address of a person in a channel can be taken");
        urls.Take("T", "C1", "U1")!.Value.Url.Should().Be(new Uri("https://hooks.slack.com/commands/T/1/newer"));
    }

    [Fact]
    public void CommandsRememberedTakenAndForgottenAtOnceEachLeaveAPersonOnlyTheirOwnAddress()
    {
        var urls = new SlackResponseUrls(new WallClock(time), capacity: 3);
        var people = Enumerable.Range(0, 6).Select(n => $"U{n}").ToArray();

        Parallel.For(0, 4, worker =>
        {
            for (var n = 0; n < 20_000; n++)
            {
                var person = people[(n + worker) % people.Length];
                urls.Remember("T", "C1", person, $"https://hooks.slack.com/commands/T/{person}/{n}");
                urls.Take("T", "C1", people[(n + worker + 1) % people.Length]);
            }
        });

        foreach (var person in people)
        {
            urls.Remember("T", "C1", person, $"https://hooks.slack.com/commands/T/{person}/last");
            urls.Take("T", "C1", person)!.Value.Url.Should().Be(new Uri($"https://hooks.slack.com/commands/T/{person}/last"));
        }

        foreach (var person in people[^3..])
        {
            var taken = urls.Take("T", "C1", person)!.Value;
            taken.User.Should().Be(person);
            taken.Url.AbsolutePath.Should().Be($"/commands/T/{person}/last");
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference RememberAndWatch(SlackResponseUrls urls, string address)
    {
        var own = new string(address.AsSpan());
        urls.Remember("T", "C1", "U1", own);
        return new WeakReference(own);
    }
}
