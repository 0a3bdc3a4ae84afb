using CheckinBot.Core.Clock;

namespace CheckinBot.Slack.Receiving;

/// <summary>The real time for signatures, and the bot's clock, which may have been moved forward.</summary>
public sealed class SlackClocks(WallClock wall, TimeProvider bot)
{
    public WallClock Wall => wall;

    public TimeProvider Bot => bot;

    /// <summary>True when the bot's clock is not the real time (time travel in development).</summary>
    public bool Travels => (bot.GetUtcNow() - wall.GetUtcNow()).Duration() > TimeSpan.FromSeconds(1);
}
