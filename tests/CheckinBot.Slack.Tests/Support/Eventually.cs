namespace CheckinBot.Slack.Tests.Support;

public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan? timeout = null, string because = "")
    {
        var until = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > until)
            {
                condition().Should().BeTrue(because);
                return;
            }

            await Task.Delay(20);
        }
    }
}
