using System.Diagnostics;
using CheckinBot.Teams.Sending;

namespace CheckinBot.Teams.Tests;

/// <summary>The windows slide on the limiter's heartbeat: a send past the limit waits for the window, then goes.</summary>
public sealed class SendPacerHoldsAConversationToItsLimitTests
{
    [Fact]
    public async Task TheFourthSendOfASecondWaitsForTheWindowAndThenGoes()
    {
        using var pacer = new SendPacer(perConversationPerSecond: 3, perTenantPerSecond: 50);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            using var lease = await pacer.WaitAsync(Send("19:one"), CancellationToken.None);
            lease!.IsAcquired.Should().BeTrue();
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(500), "three sends are within the limit");
        using (var other = await pacer.WaitAsync(Send("19:other"), CancellationToken.None))
        {
            other!.IsAcquired.Should().BeTrue("another conversation of the tenant is not held up");
        }

        using var fourth = await pacer.WaitAsync(Send("19:one"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        fourth!.IsAcquired.Should().BeTrue();
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "no more than three may go to one conversation in any second");
    }

    private static HttpRequestMessage Send(string conversation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations");
        request.Options.Set(SendPacer.Tenant, "tenant");
        request.Options.Set(SendPacer.Conversation, conversation);
        return request;
    }
}
