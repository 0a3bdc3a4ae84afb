namespace CheckinBot.Bench.Peers;

/// <summary>One command or message sent, waiting for its answer at the fake platform.</summary>
internal sealed class Expected(string id, string place, long sentAt)
{
    private readonly TaskCompletionSource<Outcome> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public string Place { get; } = place;

    public long SentAt { get; } = sentAt;

    /// <summary>Set when the acknowledgement itself settled it (an answer or "busy" inside it): no later answer belongs to it.</summary>
    public bool SettledByAck { get; private set; }

    public Task<Outcome> Outcome => outcome.Task;

    public bool Settle(Outcome result, bool byAck = false)
    {
        if (byAck)
        {
            SettledByAck = true;
        }

        return outcome.TrySetResult(result);
    }
}
