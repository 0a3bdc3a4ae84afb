using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Posts unique personal-chat message activities (<c>help</c>, <c>status</c>) from <c>tenants</c> tenants to a bot's
/// <c>/api/messages</c>, anonymous, with the fake connector as <c>serviceUrl</c>. Answered: a reply reached the connector
/// within the limit. Refused: 503.
/// </summary>
internal sealed class TeamsContender(string name, Uri messagesUrl, int tenants, FakePlatform fake, AnswerLedger ledger, TimeSpan limit)
    : Contender(name, ledger, limit)
{
    public Uri Url => messagesUrl;

    public override async Task<Outcome> SendAsync(string phase, long seq, long plannedAt)
    {
        var index = seq % tenants;
        var tenant = "00000000-0000-4000-8000-" + index.ToString("D12", CultureInfo.InvariantCulture);
        var person = "29:bench-" + phase + "-" + index.ToString(CultureInfo.InvariantCulture);
        var conversation = "a:personal-" + phase + "-" + index.ToString(CultureInfo.InvariantCulture);
        var id = phase + "-" + seq.ToString(CultureInfo.InvariantCulture);
        var expected = Ledger.Expect(id, conversation, plannedAt);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = fake.BaseUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = person, ["name"] = "Person " + index.ToString(CultureInfo.InvariantCulture), ["aadObjectId"] = tenant },
            ["recipient"] = new JsonObject { ["id"] = "28:checkinbot-bench", ["name"] = "CheckinBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = tenant },
            ["text"] = seq % 2 == 0 ? "help" : "status",
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Europe/Brussels" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await Http.PostAsync(messagesUrl, content);
            var at = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return SettledByAck(expected, new Outcome(OutcomeKind.Refused, at));
            }

            if (!response.IsSuccessStatusCode)
            {
                return SettledByAck(expected, new Outcome(OutcomeKind.Failed, at));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return GaveUp(expected, e);
        }

        return await AnswerAsync(expected);
    }
}
