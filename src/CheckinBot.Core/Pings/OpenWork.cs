namespace CheckinBot.Core.Pings;

/// <summary>
/// The VA's open work in a collaboration, as the ping classifier may read it: the titles of her tasks that are planned,
/// started or blocked. A yes/no question about one of them ("photographer confirmed for saturday?") asks for its status,
/// though its words alone may not say so.
/// </summary>
/// <param name="Titles">The open tasks' titles, as she wrote them.</param>
public sealed record OpenWork(IReadOnlyList<string> Titles)
{
    /// <summary>No open task: nothing a message can be about.</summary>
    public static OpenWork None { get; } = new([]);
}
