using System.Text;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Slack.Tests;

/// <summary>A form body's fields, as ASP.NET Core's form reader gives them to the Slack endpoints.</summary>
public sealed class FormFieldsAreReadFromTheBytesTests
{
    [Fact]
    public async Task ACommandsFieldsAreDecoded()
    {
        var fields = await Read("team_id=T0CHECKIN&command=%2Fcheckin&text=propose+update+weekdays+17%3A00&user_name=ma%c3%afa" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fx&emoji=caf%C3%A9+%E2%80%94+%F0%9F%91%8D");

        fields.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["team_id"] = "T0CHECKIN",
            ["command"] = "/checkin",
            ["text"] = "propose update weekdays 17:00",
            ["user_name"] = "maïa",
            ["response_url"] = "https://hooks.slack.com/commands/T0/1/x",
            ["emoji"] = "café — 👍",
        });
    }

    [Fact]
    public async Task ARepeatedNameKeepsItsValuesJoinedWithCommasAndBrokenEscapesStayAsTheyAre()
    {
        var fields = await Read("a=1&&b&c=&a=2&e=%zz%2&f=100%&x=%2B");

        fields.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["a"] = "1,2",
            [""] = "",
            ["b"] = "",
            ["c"] = "",
            ["e"] = "%zz%2",
            ["f"] = "100%",
            ["x"] = "+",
        });
    }

    [Fact]
    public async Task AnEmptyBodyHasNoFields() => (await Read("")).Should().BeEmpty();

    private static async Task<IReadOnlyDictionary<string, string>> Read(string body) =>
        (await SlackHttpEndpoints.ParseFormAsync(Encoding.UTF8.GetBytes(body)))!;
}
