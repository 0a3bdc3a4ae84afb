using System.Collections.Concurrent;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Testing;

/// <summary>A platform's people directory with the profiles a test gives it; counts the look-ups.</summary>
public sealed class FakePeopleDirectory(string platform) : IPeopleDirectory
{
    private int lookups;

    public ConcurrentDictionary<(string Workspace, string Id), ChatPerson> Profiles { get; } = new();

    public string Platform => platform;

    public int Lookups => Volatile.Read(ref lookups);

    public void Add(string workspace, ChatPerson profile) => Profiles[(workspace, profile.Id)] = profile;

    public Task<ChatPerson?> FindAsync(string workspaceId, string personId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref lookups);
        return Task.FromResult(Profiles.TryGetValue((workspaceId, personId), out var profile) ? profile : null);
    }
}
