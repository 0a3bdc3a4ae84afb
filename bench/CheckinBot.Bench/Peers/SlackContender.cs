using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Sends signed, unique <c>/checkin help</c> and <c>/checkin status</c> commands, one person per channel across
/// <c>channels</c> channels. Answered: the acknowledgement carries the answer, or one follows at the fake Slack
/// (<c>response_url</c>, <c>chat.postEphemeral</c>, <c>chat.postMessage</c>) within the limit. "Busy" is counted apart.
/// Each phase has its own channels; the people are the same in every phase (<c>U</c> and the channel's number), unless
/// <paramref name="strangers"/> gives each phase its own, so that every phase starts with people the bot never saw.
/// </summary>
internal sealed class SlackContender(
    string name, Uri commandsUrl, string secret, int channels, FakePlatform fake, AnswerLedger ledger, TimeSpan limit, bool strangers = false)
    : Contender(name, ledger, limit)
{
    public Uri Url => commandsUrl;

    public const string Team = "T0BENCH";

    public override async Task<Outcome> SendAsync(string phase, long seq, long plannedAt)
    {
        var index = (seq % channels).ToString("D5", CultureInfo.InvariantCulture);
        var channel = "C" + phase.ToUpperInvariant() + index;
        var id = phase + "-" + seq.ToString(CultureInfo.InvariantCulture);
        var expected = Ledger.Expect(id, channel, plannedAt);
        using var request = SignedCommand.Create(commandsUrl, secret, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), Team, channel, PersonOf(phase, seq),
            seq % 2 == 0 ? "help" : "status", id + ".bench", fake.ResponseUrlFor(id));
        try
        {
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var at = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                return SettledByAck(expected, new Outcome(OutcomeKind.Refused, at));
            }

            if (AnswerIn(body) is { } text)
            {
                var kind = text.Contains("busy", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Busy : OutcomeKind.Answered;
                return SettledByAck(expected, new Outcome(kind, at, text.Length));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return GaveUp(expected, e);
        }

        return await AnswerAsync(expected);
    }

    /// <summary>The person who sends command <paramref name="seq"/> of a phase: one per channel.</summary>
    internal string PersonOf(string phase, long seq) =>
        "U" + (strangers ? phase.ToUpperInvariant() : "") + (seq % channels).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The answer inside an acknowledgement: its <c>text</c> (or blocks), or null for an empty acknowledgement.</summary>
    internal static string? AnswerIn(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } value
                ? value
                : root.TryGetProperty("blocks", out var blocks) ? blocks.GetRawText() : null;
        }
        catch (JsonException)
        {
            return body; // a plain-text acknowledgement is shown to the person as it is
        }
    }
}
