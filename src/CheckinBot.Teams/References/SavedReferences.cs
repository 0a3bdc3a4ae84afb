using System.Collections.Concurrent;

namespace CheckinBot.Teams.References;

/// <summary>
/// What this node last wrote under each reference key, so that an activity rewrites a reference only when it changed
/// (a busy conversation costs no write per message), and the answer to an activity reads the reference it just wrote
/// without a round trip. An entry is trusted for <see cref="Freshness"/> only, since another node may have written the
/// key since; one that says the conversation is unreachable is never read from here, since another node may have seen
/// the conversation again and cleared it.
/// </summary>
internal sealed class SavedReferences(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(10);
    private const int ForgetAbove = 100_000;

    /// <summary>How often a write looks at the size: counting a concurrent dictionary takes every one of its locks.</summary>
    private const int MeasureEvery = 1_024;

    private readonly ConcurrentDictionary<(string Workspace, string Key), (ConversationReference Reference, DateTimeOffset At)> saved = new();
    private int writes;

    /// <summary>True when <paramref name="reference"/> (its time aside) is what this node wrote under the key recently.</summary>
    public bool Holds(string workspaceId, string key, ConversationReference reference) =>
        saved.TryGetValue((workspaceId, key), out var known) && time.GetUtcNow() - known.At < Freshness &&
        SameButForTime(known.Reference, reference);

    /// <summary>The reachable reference this node wrote under the key recently; null when the store must be asked.</summary>
    public ConversationReference? Find(string workspaceId, string key) =>
        saved.TryGetValue((workspaceId, key), out var known) && time.GetUtcNow() - known.At < Freshness && !known.Reference.Unreachable
            ? known.Reference
            : null;

    /// <summary>Record equality with the time left out, without the copy a <c>with</c> would make for every activity.</summary>
    private static bool SameButForTime(ConversationReference a, ConversationReference b) =>
        a.ServiceUrl == b.ServiceUrl && a.ChannelId == b.ChannelId && a.ConversationId == b.ConversationId && a.ConversationType == b.ConversationType &&
        a.TenantId == b.TenantId && a.BotId == b.BotId && a.BotName == b.BotName && a.UserId == b.UserId && a.UserAadObjectId == b.UserAadObjectId &&
        a.Unreachable == b.Unreachable;

    public void Wrote(string workspaceId, string key, ConversationReference reference)
    {
        if (Interlocked.Increment(ref writes) % MeasureEvery == 0 && saved.Count > ForgetAbove)
        {
            saved.Clear();
        }

        saved[(workspaceId, key)] = (reference, time.GetUtcNow());
    }
}
