namespace CheckinBot.Core.Collaborations;

/// <summary>Port: collaborations and the people in them.</summary>
public interface ICollaborationStore
{
    Task<Collaboration?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<Collaboration?> FindByConversationAsync(string platform, string workspaceId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The collaborations a person is in, on one workspace.</summary>
    Task<IReadOnlyList<Collaboration>> ListForPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Collaboration>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task AddAsync(Collaboration collaboration, CancellationToken cancellationToken);

    Task UpdateAsync(Collaboration collaboration, CancellationToken cancellationToken);

    Task<Person?> FindPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Person>> GetPeopleAsync(string platform, string workspaceId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);

    /// <summary>Adds or updates a person.</summary>
    Task SavePersonAsync(Person person, CancellationToken cancellationToken);

    /// <summary>Adds or updates several people in one write.</summary>
    Task SavePeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken);
}
