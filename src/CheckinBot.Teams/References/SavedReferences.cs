using System.Collections.Concurrent;

namespace CheckinBot.Teams.References;

/// <summary>
/// What this node last wrote under each reference key, so that an activity rewrites a reference only when it changed:
/// a busy conversation costs no write per message. An entry is trusted for <see cref="Freshness"/> only, since another
/// node may have written the key since (marked it unreachable, say).
/// </summary>
internal sealed class SavedReferences(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(10);
    private const int ForgetAbove = 100_000;

    private readonly ConcurrentDictionary<(string Workspace, string Key), (ConversationReference Reference, DateTimeOffset At)> saved = new();

    /// <summary>True when <paramref name="reference"/> (its time aside) is what this node wrote under the key recently.</summary>
    public bool Holds(string workspaceId, string key, ConversationReference reference) =>
        saved.TryGetValue((workspaceId, key), out var known) && time.GetUtcNow() - known.At < Freshness &&
        known.Reference == reference with { UpdatedAt = known.Reference.UpdatedAt };

    public void Wrote(string workspaceId, string key, ConversationReference reference)
    {
        if (saved.Count > ForgetAbove)
        {
            saved.Clear();
        }

        saved[(workspaceId, key)] = (reference, time.GetUtcNow());
    }
}
