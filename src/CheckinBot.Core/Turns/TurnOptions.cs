namespace CheckinBot.Core.Turns;

/// <summary>The <c>Turns</c> configuration section: how many turns wait, and how many run at once.</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";
    public const int DefaultQueueCapacity = 10_000;

    /// <summary>Turns that may wait for a worker before adapters have to wait for room.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>
    /// Turns run at once. Most of a turn's time is waiting (the database, a platform's rate limit), not CPU, so by
    /// default many per processor.
    /// </summary>
    public int Workers { get; set; } = Math.Max(32, 16 * Environment.ProcessorCount);

    /// <summary>
    /// Senders that may wait to be introduced (their directory profile looked up and stored) after a read-only turn was
    /// answered; beyond that an introduction is skipped, counted, and offered again at the person's next turn.
    /// </summary>
    public int IntroductionQueueCapacity { get; set; } = 1_000;

    /// <summary>
    /// How long a directory's answer about a person stands: someone it cannot complete (no zone or locale) is asked about
    /// again only after this.
    /// </summary>
    public TimeSpan AskDirectoryEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a read-only turn may answer from what an earlier one read of a person or a conversation's collaboration
    /// (<see cref="Collaborations.RecentReads"/>): also how late a change made on another node may show in such an answer.
    /// </summary>
    public TimeSpan RecentReadsLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <see cref="RecentReadsLifetime"/> where no other node writes (SQLite, one node): every write on this node forgets
    /// what it changed at once, so the lifetime only bounds how long an unused read is kept.
    /// </summary>
    public static readonly TimeSpan SingleNodeRecentReadsLifetime = TimeSpan.FromMinutes(10);
}
