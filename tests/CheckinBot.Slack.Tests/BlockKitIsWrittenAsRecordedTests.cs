using System.Buffers;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Delivery;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// Block Kit as Slack gets it, byte for byte, against JSON recorded under <c>Fixtures/blockkit</c> (escaping, mentions
/// kept, Slack's limits, repeated action ids): the acknowledgement's answer (<see cref="BlockKit.Write"/>) and a post's
/// body (<see cref="BlockKit.Render"/>, read back from the same writer).
/// </summary>
public sealed class BlockKitIsWrittenAsRecordedTests
{
    public static TheoryData<string, BotMessage> Messages()
    {
        var commands = "Commands: setup @client · draft <text> · start <task> [due fri] · plan <item>; <item> · \"how far?\" it's & more";
        return new TheoryData<string, BotMessage>
        {
            { "help", new BotMessage(MessageKind.Reply, null, ["I keep the check-in rhythm you agreed on.", commands], []) },
            { "one plain line", BotMessage.Of(MessageKind.Reply, "Maria is working on the newsletter") },
            {
                "title mentions context and buttons",
                new BotMessage(MessageKind.Reminder, "Update <at> 17:00 & later", ["<@UCLIENT01> asked <b> & <#C0SHARED|shared> <@U1|maria>", "  ", "Next: payroll"],
                    [new("draft.post", "Post now", "7", Primary: true), new("draft.post", "Post now", "8"), new("draft.snooze", new string('s', 90), new string('v', 2100))],
                    "Europe/Brussels <zone>")
            },
            { "whitespace title and context", new BotMessage(MessageKind.Reply, " ", ["a", ""], [], " ") },
            { "lines past Slack's limits", new BotMessage(MessageKind.Reply, new string('t', 3100), [new string('<', 700), .. Enumerable.Range(0, 45).Select(i => $"line {i} & co")], [], new string('&', 800)) },
            { "a mention across lines", new BotMessage(MessageKind.Reply, null, ["see <@U1|maria", "and more> & <x>"], []) },
            { "no lines", new BotMessage(MessageKind.Reply, "Only a title", [], []) },
            { "many buttons", new BotMessage(MessageKind.Reply, null, ["pick"], [.. Enumerable.Range(0, 130).Select(i => new MessageButton($"pick.{i % 3}", $"#{i}", $"{i}"))]) },
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void TheAnswerIsWrittenAsRecorded(string what, BotMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            BlockKit.Write(writer, message, "ephemeral");
        }

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(Recorded(what), what);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void APostsBodyIsTheRecordedAnswerWithoutItsResponseType(string what, BotMessage message)
    {
        var rendered = BlockKit.Render(message);
        rendered["response_type"] = "ephemeral";

        JsonSerializer.Serialize(rendered, JsonSerializerOptions.Default).Should().Be(Recorded(what), what);
    }

    private static string Recorded(string what) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "blockkit", what.Replace(' ', '-').Replace("'", "", StringComparison.Ordinal) + ".json"));
}
