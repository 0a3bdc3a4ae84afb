namespace CheckinBot.Core.Privacy;

/// <summary>Port: forgetting a person across every store, in one go.</summary>
public interface IPersonalDataStore
{
    /// <summary>
    /// Deletes the person's own data in a workspace (their person record; as the VA also her drafts, tasks and the
    /// summaries of her posts) and replaces their id by <paramref name="pseudonym"/> in the records the other side keeps
    /// (collaborations, rhythms and their audit trail). Returns how many collaborations they were in.
    /// </summary>
    Task<int> ForgetAsync(string platform, string workspaceId, string personId, string pseudonym, CancellationToken cancellationToken);
}
