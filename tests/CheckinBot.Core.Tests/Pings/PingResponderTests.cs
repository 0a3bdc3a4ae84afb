using CheckinBot.Core.Messages;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>The bot answers the client's pings for the VA, and stays out of everything else.</summary>
public class PingResponderTests
{
    [Fact]
    public async Task A_status_check_is_answered_in_its_thread_in_the_clients_language_and_zone_with_an_urgent_button()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();

        var answer = (await world.SayAsync("tom", "Ben je eraan begonnen?")).Should().ContainSingle().Subject;

        answer.Message.Kind.Should().Be(MessageKind.PingAnswer);
        answer.To.Should().Be(ChatAddress.Conversation(PingWorld.Platform, PingWorld.Workspace, PingWorld.Channel, "m1"));
        answer.Message.PlainText.Should().StartWith("Hoi Tom!")
            .And.Contain("Ina werkt de planning van vandaag af.")
            .And.Contain("vandaag om 17:00 (over 6 uur)")
            .And.Contain("Antwoord ‘dringend’");
        var ping = world.Pings.All.Should().ContainSingle().Subject;
        answer.Message.Buttons.Should().ContainSingle().Which.Should().Be(new MessageButton(ActionIds.FlagUrgent, "Het is dringend", ping.Id.ToString("N")));
        ping.Should().BeEquivalentTo(new { PersonId = "tom", Class = PingClass.StatusCheck, Outcome = PingOutcome.Answered, Language = "nl", MessageLink = "m1", Escalated = false });
    }

    [Fact]
    public async Task The_next_update_is_told_in_the_senders_own_zone()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "tom")].TimeZone = "America/New_York";
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "tom")].Language = "en";

        var answer = (await world.SayAsync("tom", "any update?")).Single();

        answer.Message.PlainText.Should().Contain("today at 11:00 (in 6 hours)");
    }

    [Fact]
    public async Task The_answer_names_the_task_in_progress_and_since_when()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.Status = new WorkStatus("Newsletter PDF", TaskSince: world.Now - Duration.FromMinutes(108));

        var answer = (await world.SayAsync("tom", "En, al halverwege?")).Single();

        answer.Message.PlainText.Should().Contain("Ina werkt sinds 09:12 aan ‘Newsletter PDF’.");
    }

    [Fact]
    public async Task During_a_focus_block_the_answer_says_until_when_she_is_focusing()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.Status = new WorkStatus(FocusUntil: world.Now + Duration.FromMinutes(90));

        var answer = (await world.SayAsync("tom", "hoe ver sta je?")).Single();

        answer.Message.PlainText.Should().Contain("Ina zit tot 12:30 in een focusblok.").And.Contain("vandaag om 17:00");
    }

    [Fact]
    public async Task Inside_the_window_a_ping_is_only_acknowledged_and_counted_and_after_it_answered_again()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "Ben je eraan begonnen?");
        world.Advance(13);

        var ack = (await world.SayAsync("tom", "En, al halverwege?")).Should().ContainSingle().Subject;

        ack.Message.Kind.Should().Be(MessageKind.PingAck);
        ack.Message.Reaction.Should().Be(new MessageReaction("eyes", "m2"), "Slack shows the acknowledgement as a reaction on the ping");
        ack.Message.PlainText.Should().Be("👀 Genoteerd, Tom.");
        world.Pings.All.Select(p => p.Outcome).Should().Equal(PingOutcome.Answered, PingOutcome.Acknowledged);

        world.Advance(17);
        (await world.SayAsync("tom", "status?")).Single().Message.Kind.Should().Be(MessageKind.PingAnswer);
    }

    [Fact]
    public async Task The_answer_window_is_configurable()
    {
        var world = new PingWorld(new PingOptions { AnswerEvery = Duration.FromMinutes(10) });
        await world.SayAsync("tom", "any update?");
        world.Advance(11);

        (await world.SayAsync("tom", "any news?")).Single().Message.Kind.Should().Be(MessageKind.PingAnswer);
    }

    [Fact]
    public async Task Answers_vary_their_phrasing()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        var texts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            texts.Add((await world.SayAsync("tom", "any update?")).Single().Message.PlainText);
            world.Advance(31);
        }

        texts.Distinct().Should().HaveCount(3);
    }

    [Theory]
    [InlineData("ina", "Any update from Tom on the logo files?")]
    [InlineData("ina", "DRINGEND: ik zie de bestanden niet")]
    [InlineData("tom", "Vergeet de PDF niet in Arial 11!")]
    [InlineData("tom", "Merci, top gewerkt")]
    [InlineData("stranger", "Any update?")]
    public async Task The_VAs_own_messages_instructions_and_outsiders_get_nothing_and_are_not_counted(string person, string text)
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();

        (await world.SayAsync(person, text)).Should().BeEmpty();

        world.Pings.All.Should().BeEmpty();
    }

    [Fact]
    public async Task A_bots_message_gets_nothing()
    {
        var world = new PingWorld();

        (await world.SayAsync("tom", "Any update?", bot: true)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_status_check_in_a_direct_message_to_the_bot_is_answered_there()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();

        var answer = (await world.SayAsync("tom", "any update?", conversation: "D-tom", direct: true)).Single();

        answer.Message.Kind.Should().Be(MessageKind.PingAnswer);
        answer.To.ConversationId.Should().Be("D-tom");
    }

    [Fact]
    public async Task Without_an_agreed_rhythm_the_answer_says_so_and_suggests_agreeing_one()
    {
        var world = new PingWorld();

        var answer = (await world.SayAsync("tom", "Ben je eraan begonnen?")).Single();

        answer.Message.PlainText.Should().Contain("nog geen vast updatemoment").And.Contain("/checkin propose update werkdagen 17:00");
    }

    [Fact]
    public async Task During_a_pause_the_answer_gives_the_return_date_and_promises_nothing_sooner()
    {
        var world = new PingWorld();
        var rhythm = world.AgreeWeekdaysAt17();
        rhythm.Pause("ina", world.Now, new LocalDate(2027, 1, 5));

        var text = (await world.SayAsync("tom", "any update?")).Single().Message.PlainText;

        text.Should().Contain("De updates liggen even stil; de volgende komt dinsdag 5 januari om 17:00").And.NotContain("vandaag");
    }

    [Fact]
    public async Task A_pause_without_an_end_says_the_VA_will_tell_when_updates_resume()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17().Pause("ina", world.Now, null);

        (await world.SayAsync("tom", "any update?")).Single().Message.PlainText.Should().Contain("Ina laat weten wanneer ze hervatten");
    }

    [Fact]
    public async Task An_urgent_message_goes_to_the_VA_at_once_even_in_focus_and_the_client_is_told()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.Status = new WorkStatus(FocusUntil: world.Now + Duration.FromHours(2));

        var replies = await world.SayAsync("tom", "DRINGEND: de webshop ligt plat!!", permalink: "https://example.test/archives/C1/p1");

        replies.Should().HaveCount(2);
        var alert = replies[0];
        alert.To.Should().Be(ChatAddress.Direct(PingWorld.Platform, PingWorld.Workspace, "ina"));
        alert.Message.Kind.Should().Be(MessageKind.UrgentAlert);
        alert.Message.Lines.Should().Equal("🚨 Urgent from Tom: “DRINGEND: de webshop ligt plat!!”", "The message: https://example.test/archives/C1/p1");
        replies[1].To.ThreadId.Should().Be("m1");
        replies[1].Message.PlainText.Should().Be("Ik heb Ina meteen verwittigd.");
        world.Pings.All.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Class = PingClass.Urgent, Outcome = PingOutcome.PassedOn, Escalated = true });
    }

    [Fact]
    public async Task A_follow_up_moments_after_an_urgent_message_reaches_the_VA_as_more_of_the_emergency()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "DRINGEND: de bank belt over een verdachte overschrijving");
        world.Advance(4);

        var replies = await world.SayAsync("tom", "ook: probeer eerst Daan, zijn nummer staat in de sheet", permalink: "https://example.test/archives/C1/p2");

        replies.Should().HaveCount(2);
        replies[0].To.Should().Be(ChatAddress.Direct(PingWorld.Platform, PingWorld.Workspace, "ina"));
        replies[0].Message.Lines.Should().Equal("🚨 More from Tom: “ook: probeer eerst Daan, zijn nummer staat in de sheet”", "The message: https://example.test/archives/C1/p2");
        replies[1].Message.PlainText.Should().Be("Ik heb Ina meteen verwittigd.");
        world.Pings.All.Select(p => p.Outcome).Should().Equal(PingOutcome.PassedOn, PingOutcome.PassedOn);
    }

    [Fact]
    public async Task Each_follow_up_keeps_the_emergency_open_and_after_the_window_it_is_closed()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "DRINGEND: de webshop ligt plat!!");
        world.Advance(9);
        (await world.SayAsync("tom", "ook: de hostingfirma zegt dat het DNS is")).Should().HaveCount(2);
        world.Advance(9);
        (await world.SayAsync("tom", "ook: login staat in de kluis")).Should().HaveCount(2, "nine minutes after the last follow-up, the emergency is still open");
        world.Advance(11);

        (await world.SayAsync("tom", "ook: en de nieuwsbrief mag morgen")).Should().BeEmpty("eleven minutes after the last message passed on, the emergency is over");
        world.Pings.All.Should().HaveCount(3);
    }

    [Fact]
    public async Task The_ping_log_is_read_for_an_emergency_only_when_it_could_change_the_answer()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "DRINGEND: de webshop ligt plat!!");
        world.Advance(2);

        (await world.SayAsync("tom", "bedankt voor de factuur")).Should().BeEmpty("a message no emergency could make urgent stays other");
        (await world.SayAsync("tom", "any update?")).Single().Message.Kind.Should().Be(MessageKind.PingAnswer, "a status check in an emergency is still answered as one");
        world.Classifier.ToldFollowsUrgent.Should().Be(0);

        await world.SayAsync("tom", "ook: de hostingfirma zegt dat het DNS is");
        world.Classifier.ToldFollowsUrgent.Should().Be(1);
    }

    [Fact]
    public async Task Another_clients_emergency_opens_none_for_this_one()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Collaboration.ClientIds.Add("els");
        (await world.SayAsync("els", "DRINGEND: de webshop ligt plat!!")).Should().HaveCount(2);
        world.Advance(1);

        (await world.SayAsync("tom", "ook: de hostingfirma zegt dat het DNS is")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_question_flagged_urgent_opens_the_emergency_too()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "Ben je eraan begonnen?");
        world.Advance(3);
        await world.SayAsync("tom", "ja, dringend");
        world.Advance(2);

        (await world.SayAsync("tom", "ook: de klant belt om 11u")).Should().HaveCount(2);
    }

    [Fact]
    public async Task The_follow_up_window_is_configurable()
    {
        var world = new PingWorld(new PingOptions { UrgentFollowUpWindow = Duration.FromMinutes(2) });
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "DRINGEND: de webshop ligt plat!!");
        world.Advance(3);

        (await world.SayAsync("tom", "ook: de hostingfirma zegt dat het DNS is")).Should().BeEmpty();
    }

    [Fact]
    public async Task Answering_dringend_after_a_ping_answer_flags_that_question()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        await world.SayAsync("tom", "Ben je eraan begonnen?");
        world.Advance(3);

        var replies = await world.SayAsync("tom", "ja, dringend");

        replies[0].Message.Kind.Should().Be(MessageKind.UrgentAlert);
        replies[0].Message.Lines.Should().Equal("🚨 Tom marked a question as urgent.", "The message: m1");
        world.Pings.All.Should().ContainSingle().Which.Escalated.Should().BeTrue();
    }

    [Fact]
    public async Task The_urgent_button_passes_the_question_on_once()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        var answer = (await world.SayAsync("tom", "any update?")).Single();
        var button = answer.Message.Buttons.Single();

        var first = await world.ClickAsync("tom", button.ActionId, button.Value, "m1");
        var second = await world.ClickAsync("tom", button.ActionId, button.Value, "m1");

        first.Select(m => m.Message.Kind).Should().Equal(MessageKind.UrgentAlert, MessageKind.Reply);
        second.Should().ContainSingle().Which.Message.PlainText.Should().Be("Ina weet al dat het dringend is.");
    }

    [Fact]
    public async Task Only_the_client_flags_a_question_as_urgent()
    {
        var world = new PingWorld();
        var button = (await world.SayAsync("tom", "any update?")).Single().Message.Buttons.Single();

        var replies = await world.ClickAsync("ina", button.ActionId, button.Value, "m1");

        replies.Should().ContainSingle().Which.Message.Kind.Should().Be(MessageKind.Reply);
        world.Pings.All.Single().Escalated.Should().BeFalse();
    }
}
