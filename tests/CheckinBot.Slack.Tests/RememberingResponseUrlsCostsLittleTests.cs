using CheckinBot.Core.Clock;
using CheckinBot.Slack.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// Every slash command's response URL is remembered for half an hour, in the order it came: at thousands of commands a
/// second that order must not cost a fresh slot for each one. A queue that was peeked into can never reuse its slots,
/// so each command took 56 more bytes, in segments that grow to large-object arrays (a 7 MB one seen in an open-loop
/// trace beside Bolt, session 18).
/// </summary>
public sealed class RememberingResponseUrlsCostsLittleTests
{
    private const int Capacity = 1_000;
    private const int Commands = 20_000;

    private static readonly string[] Channels = [.. Enumerable.Range(0, 5_000).Select(n => $"C{n}")];

    [Fact]
    public void OnceFullTheOrderOfRememberedCommandsIsReusedNotGrown()
    {
        var addresses = Enumerable.Range(0, 64).Select(n => $"https://hooks.slack.com/commands/T/{n}/x").ToArray();

        var (perCommand, _) = BytesPerCommand((urls, n) => urls.Remember("T", Channels[n % Channels.Length], "U1", addresses[n % addresses.Length]));

        // 318 bytes a command with the peeked queue, 256 without (Debug build): the rest is the address's parse, the
        // entry and the two dictionaries' nodes.
        perCommand.Should().BeLessThan(290, "remembering a command allocated {0} bytes", perCommand);
    }

    [Fact]
    public void AnAddressParsedOnceIsNotParsedAgain()
    {
        var addresses = ParsedAddresses("x");

        var (perCommand, urls) = BytesPerCommand((urls, n) => urls.Remember("T", Channels[n % Channels.Length], "U1", addresses[n % addresses.Length]));

        const int last = Commands - 1;
        urls.Take("T", Channels[last % Channels.Length], null)!.Value.Url.AbsoluteUri.Should().Be(addresses[last % addresses.Length].AbsoluteUri);

        // The entry and the two dictionaries' nodes: 204 bytes a command (Debug build), against 256 with a parse of the
        // address's text.
        perCommand.Should().BeLessThan(230, "remembering a parsed address allocated {0} bytes", perCommand);
    }

    /// <summary>
    /// What a command leaves behind outlives the runtime's youngest generation, and a young collection's pause grows with
    /// what survives it: about 10 ms a promoted megabyte in session 42's traces of the host's open loop beside Bolt
    /// (docs/performance-history.md). So a person already remembered in a channel keeps their entry, and the next
    /// command's address is copied into it: nothing new is allocated, so nothing young is left to survive.
    /// </summary>
    [Fact]
    public void APersonAlreadyRememberedInAChannelLeavesNothingNewBehind()
    {
        var addresses = ParsedAddresses("xyz");
        var channels = Channels[..(Capacity / 2)];

        var (perCommand, urls) = BytesPerCommand((urls, n) => urls.Remember("T", channels[n % channels.Length], "U1", addresses[n % addresses.Length]), channels.Length);

        perCommand.Should().Be(0, "remembering the next address of a person already remembered allocated {0} bytes", perCommand);
        const int last = Commands - 1;
        urls.Take("T", channels[last % channels.Length], null)!.Value.Url.Should().Be(addresses[last % addresses.Length]);
    }

    /// <summary>
    /// Parsed addresses as Slack's requests bring them, their text already read once (a <see cref="Uri"/> builds it on
    /// first use), so that the count holds only what remembering them allocates.
    /// </summary>
    private static Uri[] ParsedAddresses(string last)
    {
        var addresses = Enumerable.Range(0, 64).Select(n => new Uri($"https://hooks.slack.com/commands/T/{n}/{last}")).ToArray();
        _ = addresses.Select(address => address.AbsoluteUri).ToArray();
        return addresses;
    }

    /// <summary>Fills the order three times over, then counts the bytes a command allocates while it stays full.</summary>
    private static (long PerCommand, SlackResponseUrls Urls) BytesPerCommand(Action<SlackResponseUrls, int> remember, int remembered = Capacity)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 16, 0, 0, TimeSpan.Zero));
        var urls = new SlackResponseUrls(new WallClock(time), Capacity);
        for (var n = 0; n < 3 * Capacity; n++)
        {
            remember(urls, n);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < Commands; n++)
        {
            remember(urls, n);
        }

        var perCommand = (GC.GetAllocatedBytesForCurrentThread() - before) / Commands;
        urls.Count.Should().Be(remembered);
        return (perCommand, urls);
    }
}
