using System.Net;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.Commands;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// Signed bodies that no Slack would send: lone surrogates (valid JSON escaping that .NET cannot hold in a string),
/// fields of the wrong JSON type, noncharacters. Each is ignored or answered 4xx; none reaches a 500.
/// </summary>
public sealed class HostileBodyTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"message","user":"U\ud800","channel":"C1","ts":"1.2","text":"hi"}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T\udc00","event":{"type":"app_uninstalled"}}""")]
    [InlineData("""{"type":"url_verification","challenge":"\ud800"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":"all"}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":[1,2]}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":"message","user":"U1","channel":"C1","ts":"1.2"},"authorizations":[1,"x",null]}""")]
    [InlineData("""{"type":"event_callback","team_id":1,"event":"message"}""")]
    [InlineData("""{"type":["event_callback"],"event":{"type":{"a":1}}}""")]
    public async Task Hostile_events_are_ignored_or_refused_never_a_500(string body)
    {
        using var response = await app.Client.SendAsync(SlackSigner.Request("/slack/events", Encoding.UTF8.GetBytes(body), "application/json", Now));

        ((int)response.StatusCode).Should().BeLessThan(500);
        ((int)response.StatusCode).Should().BeGreaterThanOrEqualTo(200);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","actions":[1],"user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"}}""")]
    [InlineData("""{"type":"block_actions","actions":[{"action_id":"rhythm.accept\ud800","value":"1"}],"user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"}}""")]
    [InlineData("""{"type":"block_actions","actions":"all","user":"U1","team":["T1"],"channel":7}""")]
    [InlineData("""{"type":"block_actions\udfff"}""")]
    public async Task Hostile_interactions_are_ignored_never_a_500(string payload)
    {
        var form = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload));

        using var response = await app.Client.SendAsync(SlackSigner.Request("/slack/interactions", form, "application/x-www-form-urlencoded", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Drain!.Turns.Should().BeEmpty();
    }

    [Fact]
    public void A_field_of_the_wrong_type_reads_as_absent()
    {
        using var document = JsonDocument.Parse("""{"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":"all"}}""");

        EventReader.Read(document.RootElement).Should().BeNull("tokens that are no object revoke nothing");
    }

    [Fact]
    public void A_message_text_with_a_lone_surrogate_is_read_as_empty_and_the_rest_of_the_event_stays()
    {
        using var document = JsonDocument.Parse("""{"type":"event_callback","team_id":"T1","event_id":"Ev9","event":{"type":"message","user":"U1","channel":"C1","ts":"1.2","text":"any update\ud800?"}}""");

        var turn = EventReader.Read(document.RootElement).Should().BeOfType<SlackWork.Turn>().Subject.Value;

        turn.Text.Should().BeEmpty();
        turn.Person.Id.Should().Be("U1");
    }

    [Fact]
    public async Task A_command_with_noncharacters_reaches_the_core_with_replacement_characters()
    {
        var form = Encoding.UTF8.GetBytes("team_id=T1&channel_id=C1&user_id=U1&trigger_id=tr1&text=" + Uri.EscapeDataString("status \uFFFE") + "%ED%A0%80");

        using var response = await app.Client.SendAsync(SlackSigner.Request("/slack/commands", form, "application/x-www-form-urlencoded", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => !app.Drain!.Turns.IsEmpty);
        var text = app.Drain!.Turns.Single().Text;
        text.Should().StartWith("status \uFFFD");
        text.Should().NotContain("\uFFFE");
        text.Should().Be(Words.Clean(text), "no lone surrogate or noncharacter reaches the core");
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    public async Task A_form_past_the_form_readers_limits_is_refused_not_a_500(string path)
    {
        var manyFields = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));
        var longName = new string('n', 3000) + "=1";

        foreach (var body in new[] { manyFields, longName })
        {
            using var response = await app.Client.SendAsync(SlackSigner.Request(path, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", Now));

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
    }
}
