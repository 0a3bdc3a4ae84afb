using CheckinBot.Core.Messages;
using CheckinBot.Slack.Delivery;

namespace CheckinBot.Slack.Tests;

public sealed class BlockKitTests
{
    [Fact]
    public void MessageBecomesSectionsAContextLineAndButtons()
    {
        var message = new BotMessage(MessageKind.Reminder, "Update at 17:00", ["Draft: invoices done", "Next: payroll"],
            [new("draft.post", "Post now", "7", Primary: true), new("draft.snooze", "Snooze 15 min", "7")], "Europe/Brussels");

        var body = BlockKit.Render(message);

        var blocks = body["blocks"]!.AsArray();
        blocks.Select(b => b!["type"]!.GetValue<string>()).Should().Equal("section", "section", "section", "context", "actions");
        blocks[0]!["text"]!["text"]!.GetValue<string>().Should().Be("*Update at 17:00*");
        var buttons = blocks[4]!["elements"]!.AsArray();
        buttons[0]!["action_id"]!.GetValue<string>().Should().Be("draft.post");
        buttons[0]!["value"]!.GetValue<string>().Should().Be("7");
        buttons[0]!["style"]!.GetValue<string>().Should().Be("primary");
        buttons[1]!.AsObject().ContainsKey("style").Should().BeFalse();
        body["text"]!.GetValue<string>().Should().Be("Update at 17:00\nDraft: invoices done\nNext: payroll\nEurope/Brussels");
    }

    [Fact]
    public void MentionsStayAndReservedCharactersAreEscaped()
    {
        BlockKit.Escape("<@UCLIENT01> asked <b> & <#C0SHARED|shared> <@U1|maria>")
            .Should().Be("<@UCLIENT01> asked &lt;b&gt; &amp; <#C0SHARED|shared> <@U1|maria>");
    }

    [Fact]
    public void ReservedCharactersNextToEachOtherAndAtTheEndsAreEachEscaped()
    {
        BlockKit.Escape("&<>x<@U1>&&").Should().Be("&amp;&lt;&gt;x<@U1>&amp;&amp;");
    }

    [Fact]
    public void ALineWithoutReservedCharactersGoesOutAsTheSameTextWithoutACopy()
    {
        var line = "Use /checkin status to see the next check-in, with *bold* and _italics_ as they are";

        BlockKit.Escape(line).Should().BeSameAs(line);
    }

    [Fact]
    public void RepeatedActionIdsAreMadeUniqueAndReadBackAsTheCoresId()
    {
        var message = new BotMessage(MessageKind.Reply, null, ["Two proposals"],
            [new("rhythm.accept", "Accept #1", "1"), new("rhythm.accept", "Accept #2", "2")]);

        var ids = BlockKit.Render(message)["blocks"]!.AsArray()[1]!["elements"]!.AsArray()
            .Select(b => b!["action_id"]!.GetValue<string>()).ToList();

        ids.Should().Equal("rhythm.accept", "rhythm.accept~2");
        ids.Select(BlockKit.ActionIdOf).Should().OnlyContain(id => id == "rhythm.accept");
    }

    [Fact]
    public void LongLabelsAreCutToSlacksLimits()
    {
        var message = new BotMessage(MessageKind.Reply, null, [new string('a', 5000)], [new("x", new string('b', 100), "v")]);

        var blocks = BlockKit.Render(message)["blocks"]!.AsArray();

        blocks[0]!["text"]!["text"]!.GetValue<string>().Length.Should().Be(3000);
        blocks[1]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length.Should().Be(75);
    }
}
