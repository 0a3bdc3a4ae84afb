using System.Collections.Concurrent;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Collaborations;

/// <summary>
/// The people and the collaborations of conversations that read-only turns looked up, kept for
/// <see cref="TurnOptions.RecentReadsLifetime"/> so that a busy conversation costs no database round trip per
/// <c>help</c> or <c>status</c>. Only read-only turns take from it, and they change nothing they get. On this node every
/// store that writes a person or a collaboration forgets what it wrote once it is committed (an implementation of
/// <see cref="ICollaborationStore"/> keeps that promise); another node's change shows here after at most the lifetime.
/// </summary>
public sealed class RecentReads(TurnOptions options, TimeProvider time)
{
    /// <summary>Beyond this many entries the memory starts afresh.</summary>
    private const int ForgetAbove = 50_000;

    private readonly Shelf<Person> people = new();
    private readonly Shelf<Collaboration> conversations = new();

    /// <summary>
    /// The person as the store said at most the lifetime ago (null: not stored), or as <paramref name="read"/> says now,
    /// given the read's arguments as <paramref name="state"/>, so that a caller's read needs no closure of its own.
    /// </summary>
    public Task<Person?> PersonAsync<TState>(string platform, string workspaceId, string personId, TState state, Func<TState, Task<Person?>> read) =>
        ReadAsync(people, (platform, workspaceId, personId), state, read);

    /// <summary>
    /// The collaboration of a conversation as the store said at most the lifetime ago, or as <paramref name="read"/> says
    /// now, given the read's arguments as <paramref name="state"/>, so that a caller's read needs no closure of its own.
    /// </summary>
    public Task<Collaboration?> CollaborationInAsync<TState>(
        string platform, string workspaceId, string conversationId, TState state, Func<TState, Task<Collaboration?>> read) =>
        ReadAsync(conversations, (platform, workspaceId, conversationId), state, read);

    /// <summary>A person was written: the next read of them goes to the store.</summary>
    public void ForgetPerson(string platform, string workspaceId, string personId) => people.Forget((platform, workspaceId, personId));

    /// <summary>Something may have changed: every next read goes to the store.</summary>
    public void ForgetAll()
    {
        people.Clear();
        conversations.Clear();
    }

    /// <summary>What is known and fresh comes back as its entry's finished task, made once for all its reads: no allocation.</summary>
    private Task<T?> ReadAsync<T, TState>(Shelf<T> shelf, (string, string, string) key, TState state, Func<TState, Task<T?>> read)
        where T : class
    {
        var now = time.GetTimestamp();
        if (shelf.TryGet(key, out var known) && !known.IsReading && time.GetElapsedTime(known.At, now) < options.RecentReadsLifetime)
        {
            return known.Completed;
        }

        return ReadFromStoreAsync(shelf, key, now, state, read);
    }

    private static async Task<T?> ReadFromStoreAsync<T, TState>(Shelf<T> shelf, (string, string, string) key, long now, TState state, Func<TState, Task<T?>> read)
        where T : class
    {
        // A mark that this read runs: forgetting the key (or everything) meanwhile removes it, and then what the read
        // brings back, which may be from before that write, is not kept. Writes of other keys leave it be.
        var reading = Entry<T>.Reading(now);
        shelf.Put(key, reading);
        var value = await read(state);
        shelf.Replace(key, reading, new Entry<T>(value, now));
        return value;
    }

    private sealed class Entry<T>(T? value, long at, bool isReading = false)
    {
        private Task<T?>? completed;

        public T? Value { get; } = value;

        public long At { get; } = at;

        public bool IsReading { get; } = isReading;

        /// <summary>The value as a finished task (two threads may each make one; either will do).</summary>
        public Task<T?> Completed => completed ??= Task.FromResult(Value);

        public static Entry<T> Reading(long at) => new(default, at, isReading: true);
    }

    /// <summary>
    /// One kind of read, with a count of what it holds kept beside it: a concurrent dictionary's own count takes every
    /// one of its locks, which every read that missed would then wait for.
    /// </summary>
    private sealed class Shelf<T>
    {
        private readonly ConcurrentDictionary<(string Platform, string Workspace, string Id), Entry<T>> entries = new();
        private int count;

        public bool TryGet((string, string, string) key, out Entry<T> entry) => entries.TryGetValue(key, out entry!);

        public void Put((string, string, string) key, Entry<T> entry)
        {
            if (entries.TryGetValue(key, out _))
            {
                entries[key] = entry;
                return;
            }

            if (Interlocked.Increment(ref count) > ForgetAbove)
            {
                Clear();
            }

            entries[key] = entry;
        }

        /// <summary>Puts <paramref name="entry"/> in the place of <paramref name="expected"/>, only if that is still there.</summary>
        public void Replace((string, string, string) key, Entry<T> expected, Entry<T> entry) => entries.TryUpdate(key, entry, expected);

        public void Forget((string, string, string) key) => entries.TryRemove(key, out _);

        public void Clear()
        {
            Interlocked.Exchange(ref count, 0);
            entries.Clear();
        }
    }
}
