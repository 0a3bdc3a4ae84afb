using System.Collections.Concurrent;
using CheckinBot.Core.Collaborations;

namespace CheckinBot.Testing;

/// <summary>
/// Collaborations and people in memory. Like the real store, every write forgets what it wrote from
/// <paramref name="recent"/> when one is given.
/// </summary>
public sealed class InMemoryCollaborations(RecentReads? recent = null) : ICollaborationStore
{
    private readonly ConcurrentDictionary<Guid, Collaboration> collaborations = new();
    private int personWrites;
    private int peopleWrites;

    public ConcurrentDictionary<(string Platform, string Workspace, string Id), Person> People { get; } = new();

    public IReadOnlyCollection<Collaboration> All => collaborations.Values.ToList();

    public Task<Collaboration?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(collaborations.TryGetValue(id, out var c) ? c : null);

    public Task<Collaboration?> FindByConversationAsync(string platform, string workspaceId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(collaborations.Values.FirstOrDefault(c => c.Platform == platform && c.WorkspaceId == workspaceId && c.ConversationId == conversationId));

    public Task<IReadOnlyList<Collaboration>> ListForPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Collaboration>>(collaborations.Values
            .Where(c => c.Platform == platform && c.WorkspaceId == workspaceId && (c.VaId == personId || c.ClientIds.Contains(personId)))
            .ToList());

    public Task<IReadOnlyList<Collaboration>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Collaboration>>(ids.Select(id => collaborations.GetValueOrDefault(id)).OfType<Collaboration>().ToList());

    public Task AddAsync(Collaboration collaboration, CancellationToken cancellationToken)
    {
        collaborations[collaboration.Id] = collaboration;
        recent?.ForgetAll();
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Collaboration collaboration, CancellationToken cancellationToken) => AddAsync(collaboration, cancellationToken);

    public Task<Person?> FindPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken) =>
        Task.FromResult(People.TryGetValue((platform, workspaceId, personId), out var p) ? p : null);

    public Task<IReadOnlyList<Person>> GetPeopleAsync(string platform, string workspaceId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>(personIds.Select(id => People.GetValueOrDefault((platform, workspaceId, id))).OfType<Person>().ToList());

    /// <summary>How many times a person was written.</summary>
    public int PersonWrites => Volatile.Read(ref personWrites);

    /// <summary>How many writes of people there were (one per <see cref="SavePersonAsync"/>, one per <see cref="SavePeopleAsync"/>).</summary>
    public int PeopleWrites => Volatile.Read(ref peopleWrites);

    public Task SavePersonAsync(Person person, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref peopleWrites);
        Keep(person);
        return Task.CompletedTask;
    }

    public Task SavePeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref peopleWrites);
        foreach (var person in people)
        {
            Keep(person);
        }

        return Task.CompletedTask;
    }

    private void Keep(Person person)
    {
        Interlocked.Increment(ref personWrites);
        People[(person.Platform, person.WorkspaceId, person.Id)] = person;
        recent?.ForgetPerson(person.Platform, person.WorkspaceId, person.Id);
    }
}
