namespace CheckinBot.Testing.Slack;

/// <summary>How a <see cref="FakeSlack"/> answers: which token it takes, how slow its posts are, what it keeps.</summary>
public sealed record FakeSlackOptions
{
    /// <summary>The only bot token the Web API accepts (any other is answered <c>invalid_auth</c>); null takes any token and records it.</summary>
    public string? BotToken { get; init; }

    /// <summary>
    /// How long <c>chat.postMessage</c> takes to answer. The post is kept the moment it arrives, as Slack keeps a post
    /// whose sender dies before the answer: tens of milliseconds make the cluster's "slow Slack".
    /// </summary>
    public TimeSpan PostDelay { get; init; }

    /// <summary>Up to this much is added to or taken from <see cref="PostDelay"/> at random, so that posts do not answer in step.</summary>
    public TimeSpan PostJitter { get; init; }

    /// <summary>Whether every call is kept in <see cref="FakeSlack.Calls"/>; a burst of thousands of posts keeps only the posts.</summary>
    public bool KeepCalls { get; init; } = true;

    /// <summary>The clock a post's <c>ts</c> is stamped from (its arrival), until <see cref="FakeSlack.SetClock"/> pins it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
