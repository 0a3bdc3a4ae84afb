using CheckinBot.Core.Pings;
using NodaTime;

namespace CheckinBot.Testing;

public sealed class InMemoryPingLog : IPingLog
{
    public List<Ping> All { get; } = [];

    public Task AddAsync(Ping ping, CancellationToken cancellationToken)
    {
        All.Add(ping);
        return Task.CompletedTask;
    }

    public Task<Ping?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(All.FirstOrDefault(p => p.Id == id));

    public Task<Ping?> LastAnsweredAsync(Guid collaborationId, string personId, CancellationToken cancellationToken) =>
        Task.FromResult(All.Where(p => p.CollaborationId == collaborationId && p.PersonId == personId && p.Outcome == PingOutcome.Answered).MaxBy(p => p.At));

    public Task<int> CountAsync(Guid collaborationId, CancellationToken cancellationToken) => Task.FromResult(All.Count(p => p.CollaborationId == collaborationId));

    public Task<bool> MarkEscalatedAsync(Guid id, Instant at, CancellationToken cancellationToken)
    {
        var ping = All.FirstOrDefault(p => p.Id == id);
        if (ping is null || ping.Escalated)
        {
            return Task.FromResult(false);
        }

        ping.EscalatedAt = at;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Ping>> ListAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ping>>(All.Where(p => p.CollaborationId == collaborationId && p.At >= from && p.At <= to).OrderBy(p => p.At).ToList());
}
