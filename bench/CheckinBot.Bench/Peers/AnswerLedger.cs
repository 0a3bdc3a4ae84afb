using System.Collections.Concurrent;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Matches the answers that reach the fake platform to what was sent: by id when the answer names it (a
/// <c>response_url</c> made for the command, a Teams reply to the activity), otherwise to the oldest command still
/// waiting in the same place (the Slack channel, the Teams conversation).
/// </summary>
internal sealed class AnswerLedger
{
    private readonly ConcurrentDictionary<string, Expected> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Expected>> byPlace = new(StringComparer.Ordinal);
    private long unmatched;
    private long lastAnswerAt;

    /// <summary>Answers that matched nothing still waiting (late ones, or ones for another phase).</summary>
    public long Unmatched => Interlocked.Read(ref unmatched);

    /// <summary>When the fake last saw an answer (a Stopwatch timestamp), to wait for quiet between phases.</summary>
    public long LastAnswerAt => Interlocked.Read(ref lastAnswerAt);

    public Expected Expect(string id, string place, long sentAt)
    {
        var expected = new Expected(id, place, sentAt);
        byId[id] = expected;
        byPlace.GetOrAdd(place, _ => new ConcurrentQueue<Expected>()).Enqueue(expected);
        return expected;
    }

    /// <summary>Stops waiting for this one by id (its place keeps it, so that a late answer there is still its own).</summary>
    public void Forget(Expected expected) => byId.TryRemove(expected.Id, out _);

    /// <summary>An answer arrived: settles the command it names, or the oldest one waiting in its place.</summary>
    public void Answer(string? id, string? place, Outcome outcome)
    {
        Interlocked.Exchange(ref lastAnswerAt, outcome.At);
        if (id is not null && byId.TryRemove(id, out var named))
        {
            named.Settle(outcome);
            return;
        }

        if (place is not null && byPlace.TryGetValue(place, out var waiting))
        {
            while (waiting.TryDequeue(out var oldest))
            {
                if (oldest.SettledByAck)
                {
                    continue;
                }

                byId.TryRemove(oldest.Id, out _);
                if (!oldest.Settle(outcome))
                {
                    Interlocked.Increment(ref unmatched); // late: its sender gave up already
                }

                return;
            }
        }

        Interlocked.Increment(ref unmatched);
    }
}
