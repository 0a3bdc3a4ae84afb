using CheckinBot.Core.Commands;
using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Tests.Commands;

public class CommandParserTests
{
    [Theory]
    [InlineData("/checkin propose update weekdays 17:00", Days.Weekdays, 17, 0)]
    [InlineData("propose update werkdagen 17u", Days.Weekdays, 17, 0)]
    [InlineData("/checkin voorstel update ma-vr 17u30", Days.Weekdays, 17, 30)]
    [InlineData("/checkin propose update mon,wed 5pm", Days.Monday | Days.Wednesday, 17, 0)]
    [InlineData("/checkin propose update daily 5.30pm", Days.Daily, 17, 30)]
    [InlineData("/checkin propose update dagelijks om 9:15", Days.Daily, 9, 15)]
    [InlineData("/checkin proposer update lun-ven 17h30", Days.Weekdays, 17, 30)]
    [InlineData("/checkin propose update maandag 12am", Days.Monday, 0, 0)]
    [InlineData("/checkin propose update vr-ma 08:00", Days.Friday | Days.Saturday | Days.Sunday | Days.Monday, 8, 0)]
    [InlineData("/checkin PROPOSE Update Weekdays 17:00", Days.Weekdays, 17, 0)]
    public void Propose_reads_days_and_times_in_three_languages(string text, Days days, int hour, int minute)
    {
        CommandParser.Parse(text).Should().Be(new ProposeCommand(RhythmKind.Update, days, new LocalTime(hour, minute)));
    }

    [Theory]
    [InlineData("/checkin propose plan mon 09:00", RhythmKind.Plan)]
    [InlineData("/checkin propose weekplanning maandag 9u", RhythmKind.Plan)]
    [InlineData("/checkin propose check-in daily 12:00", RhythmKind.CheckIn)]
    [InlineData("/checkin propose mon 09:00", RhythmKind.Update)]
    public void Propose_reads_the_kind(string text, RhythmKind kind)
    {
        CommandParser.Parse(text).Should().BeOfType<ProposeCommand>().Which.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("/checkin propose update weekdays", "problem.noTime")]
    [InlineData("/checkin propose update 17:00", "problem.noDays")]
    [InlineData("/checkin propose update weekdays 25:00", "problem.notDayOrTime")]
    [InlineData("/checkin propose update someday 17:00", "problem.notDayOrTime")]
    [InlineData("/checkin propose update weekdays 17:00 18:00", "problem.twoTimes")]
    [InlineData("/checkin propose update weekdays 13pm", "problem.notDayOrTime")]
    public void Malformed_proposals_name_the_problem_and_the_propose_usage(string text, string problem)
    {
        CommandParser.Parse(text).Should().BeOfType<InvalidCommand>()
            .Which.Should().Match<InvalidCommand>(c => c.Topic == "propose" && c.Problem == problem);
    }

    [Theory]
    [InlineData("/checkin frobnicate")]
    [InlineData("/checkin 42")]
    public void Unknown_commands_get_the_general_usage(string text)
    {
        CommandParser.Parse(text).Should().Be(new InvalidCommand("help", "problem.unknownCommand", text.Split(' ')[1]));
    }

    [Theory]
    [InlineData("/checkin", typeof(HelpCommand))]
    [InlineData("", typeof(HelpCommand))]
    [InlineData("/checkin help", typeof(HelpCommand))]
    [InlineData("/checkin hulp", typeof(HelpCommand))]
    [InlineData("/checkin aide", typeof(HelpCommand))]
    [InlineData("/checkin rhythms", typeof(RhythmsCommand))]
    [InlineData("/checkin ritmes", typeof(RhythmsCommand))]
    [InlineData("/checkin status", typeof(StatusCommand))]
    [InlineData("/checkin statut", typeof(StatusCommand))]
    [InlineData("/checkin next", typeof(NextCommand))]
    [InlineData("/checkin volgende", typeof(NextCommand))]
    public void Simple_commands_and_their_aliases(string text, Type expected)
    {
        CommandParser.Parse(text).Should().BeOfType(expected);
    }

    [Fact]
    public void Accept_and_decline_take_an_optional_number_and_a_reason()
    {
        CommandParser.Parse("/checkin accept").Should().Be(new AcceptCommand(null));
        CommandParser.Parse("/checkin aanvaard 2").Should().Be(new AcceptCommand(2));
        CommandParser.Parse("/checkin accept #3").Should().Be(new AcceptCommand(3));
        CommandParser.Parse("/checkin decline 2 too early for me").Should().Be(new DeclineCommand(2, "too early for me"));
        CommandParser.Parse("/checkin weiger te vroeg").Should().Be(new DeclineCommand(null, "te vroeg"));
        CommandParser.Parse("/checkin accept two").Should().BeOfType<InvalidCommand>().Which.Topic.Should().Be("accept");
    }

    [Fact]
    public void Pause_reads_a_number_or_all_and_an_until_date()
    {
        CommandParser.Parse("/checkin pause all until 2027-01-05").Should().BeEquivalentTo(new PauseCommand(null, DateSpec.On(new LocalDate(2027, 1, 5))));
        CommandParser.Parse("/checkin pauze 2 tot 05/01/2027").Should().BeEquivalentTo(new PauseCommand(2, DateSpec.On(new LocalDate(2027, 1, 5))));
        CommandParser.Parse("/checkin pause").Should().Be(new PauseCommand(null, null));
        CommandParser.Parse("/checkin pause until never").Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.badDate");
        CommandParser.Parse("/checkin pause until 2027-02-30").Should().BeOfType<InvalidCommand>();
    }

    [Fact]
    public void Relative_dates_resolve_from_today()
    {
        var today = new LocalDate(2026, 11, 27); // a Friday
        CommandParser.TryDate("morgen")!.Resolve(today).Should().Be(new LocalDate(2026, 11, 28));
        CommandParser.TryDate("demain")!.Resolve(today).Should().Be(new LocalDate(2026, 11, 28));
        CommandParser.TryDate("maandag")!.Resolve(today).Should().Be(new LocalDate(2026, 11, 30));
        CommandParser.TryDate("friday")!.Resolve(today).Should().Be(new LocalDate(2026, 12, 4));
        CommandParser.TryDate("5/1")!.Resolve(today).Should().Be(new LocalDate(2027, 1, 5));
    }

    [Fact]
    public void Setup_reads_the_neutral_mention_and_options()
    {
        CommandParser.Parse("/checkin setup <@U123|tom>").Should().Be(new SetupCommand("U123", null, null));
        CommandParser.Parse("/checkin setup <@U123> tz Asia/Manila lang nl").Should().Be(new SetupCommand("U123", "Asia/Manila", "nl"));
        CommandParser.Parse("/checkin setup tom").Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.mentionClient");
        CommandParser.Parse("/checkin setup <@U1> tz Mars/Olympus").Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.unknownZone");
        CommandParser.Parse("/checkin setup <@U1> lang de").Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.unknownLanguage");
    }

    [Fact]
    public void Skip_next_and_retire()
    {
        CommandParser.Parse("/checkin skip next").Should().Be(new SkipNextCommand(null));
        CommandParser.Parse("/checkin skip volgende 2").Should().Be(new SkipNextCommand(2));
        CommandParser.Parse("/checkin overslaan").Should().Be(new SkipNextCommand(null));
        CommandParser.Parse("/checkin retire 1").Should().Be(new RetireCommand(1));
        CommandParser.Parse("/checkin retire").Should().BeOfType<InvalidCommand>().Which.Topic.Should().Be("retire");
    }

    [Fact]
    public void Draft_keeps_the_rest_of_the_text_and_lang_and_tz_validate()
    {
        CommandParser.Parse("/checkin draft PDF layout done, proof tomorrow 10:00.").Should().Be(new DraftCommand("PDF layout done, proof tomorrow 10:00."));
        CommandParser.Parse("/checkin draft").Should().Be(new DraftCommand(null));
        CommandParser.Parse("/checkin lang Français").Should().Be(new LanguageCommand("fr"));
        CommandParser.Parse("/checkin tz Asia/Manila").Should().Be(new TimeZoneCommand("Asia/Manila"));
        CommandParser.Parse("/checkin tz Nowhere/Town").Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.unknownZone");
    }

    [Fact]
    public void A_huge_command_is_refused_without_work()
    {
        CommandParser.Parse("/checkin draft " + new string('x', 5000)).Should().BeOfType<InvalidCommand>().Which.Problem.Should().Be("problem.tooLong");
    }
}
