using CheckinBot.Core.Messages;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Tests;

/// <summary>The neutral message as Teams shows it.</summary>
public sealed class CardRenderingTests
{
    [Fact]
    public void AMessageWithButtonsIsAnAdaptiveCardWithExecuteActionsAndATextFallback()
    {
        var message = new BotMessage(MessageKind.Notice, "Proposal #2", ["Maria proposes an update on weekdays at 17:00."],
            [new MessageButton("rhythm.accept", "Accept", "2", Primary: true), new MessageButton("rhythm.decline", "Decline", "2")],
            "Times in Europe/Brussels");

        var activity = AdaptiveCards.Activity(message);

        activity["type"]!.GetValue<string>().Should().Be("message");
        activity["summary"]!.GetValue<string>().Should().Contain("Maria proposes");
        var attachment = activity["attachments"]![0]!;
        attachment["contentType"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        var card = attachment["content"]!;
        card["type"]!.GetValue<string>().Should().Be("AdaptiveCard");
        card["version"]!.GetValue<string>().Should().Be("1.4");
        card["fallbackText"]!.GetValue<string>().Should().Be("Proposal #2\nMaria proposes an update on weekdays at 17:00.\nTimes in Europe/Brussels");
        card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).Should()
            .Equal("Proposal #2", "Maria proposes an update on weekdays at 17:00.", "Times in Europe/Brussels");
        card["body"]![2]!["isSubtle"]!.GetValue<bool>().Should().BeTrue();
        var accept = card["actions"]![0]!;
        accept["type"]!.GetValue<string>().Should().Be("Action.Execute");
        accept["verb"]!.GetValue<string>().Should().Be("rhythm.accept");
        accept["data"]!["action"]!.GetValue<string>().Should().Be("rhythm.accept");
        accept["data"]!["value"]!.GetValue<string>().Should().Be("2");
        accept["style"]!.GetValue<string>().Should().Be("positive");
        accept["fallback"]!["type"]!.GetValue<string>().Should().Be("Action.Submit");
        card["actions"]![1]!["style"].Should().BeNull();
    }

    [Fact]
    public void APlainReplyIsPlainText()
    {
        var activity = AdaptiveCards.Activity(new BotMessage(MessageKind.Reply, null, ["First line.", "Use draft <text>."], []));

        activity["text"]!.GetValue<string>().Should().Be("First line.\nUse draft <text>.");
        activity["textFormat"]!.GetValue<string>().Should().Be("plain");
        activity["attachments"].Should().BeNull();
    }
}
