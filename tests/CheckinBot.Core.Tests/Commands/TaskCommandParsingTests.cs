using CheckinBot.Core.Commands;
using NodaTime;

namespace CheckinBot.Core.Tests.Commands;

public class TaskCommandParsingTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    [Theory]
    [InlineData("/checkin start Newsletter PDF due thu", "Newsletter PDF", "2026-12-03")]
    [InlineData("/checkin start Nieuwsbrief PDF tegen vrijdag", "Nieuwsbrief PDF", "2026-12-04")]
    [InlineData("/checkin begin Offerte voor morgen", "Offerte", "2026-12-02")]
    [InlineData("/checkin commencer Rapport pour 2026-12-10", "Rapport", "2026-12-10")]
    [InlineData("/checkin start Offerte voor Tom", "Offerte voor Tom", null)]
    [InlineData("/checkin start Invoices", "Invoices", null)]
    public void Start_reads_a_title_and_an_optional_deadline_in_natural_words(string text, string title, string? due)
    {
        var start = CommandParser.Parse(text).Should().BeOfType<StartTaskCommand>().Subject;

        start.Title.Should().Be(title);
        start.Due?.Resolve(Tuesday)?.ToString("yyyy-MM-dd", null).Should().Be(due);
        if (due is null)
        {
            start.Due.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("/checkin progress news 60%", "news", 60)]
    [InlineData("/checkin voortgang nieuwsbrief pdf 45 %", "nieuwsbrief pdf", 45)]
    [InlineData("/checkin avancement rapport 100", "rapport", 100)]
    public void Progress_reads_a_task_and_a_percentage(string text, string task, int percent) =>
        CommandParser.Parse(text).Should().Be(new ProgressCommand(task, percent));

    [Theory]
    [InlineData("/checkin progress news 160%")]
    [InlineData("/checkin progress 60%")]
    [InlineData("/checkin start Newsletter due someday")]
    [InlineData("/checkin focus forever")]
    [InlineData("/checkin focus 13h")]
    [InlineData("/checkin block logo")]
    public void Bad_task_input_answers_with_the_usage(string text) =>
        CommandParser.Parse(text).Should().BeOfType<InvalidCommand>();

    [Fact]
    public void Done_block_tasks_and_their_aliases_parse()
    {
        CommandParser.Parse("/checkin done invoices").Should().Be(new DoneCommand("invoices"));
        CommandParser.Parse("/checkin klaar facturen").Should().Be(new DoneCommand("facturen"));
        CommandParser.Parse("/checkin termine factures").Should().Be(new DoneCommand("factures"));
        CommandParser.Parse("/checkin block logo waiting for files").Should().Be(new BlockCommand("logo waiting for files"));
        CommandParser.Parse("/checkin taken").Should().BeOfType<TasksCommand>();
        CommandParser.Parse("/checkin taches").Should().BeOfType<TasksCommand>();
    }

    [Fact]
    public void Plan_reads_items_separated_by_semicolons_each_with_an_optional_deadline()
    {
        var plan = CommandParser.Parse("/checkin plan Newsletter PDF due thu; Invoices November ;Blog post due fri").Should().BeOfType<PlanCommand>().Subject;

        plan.Items!.Select(i => i.Title).Should().Equal("Newsletter PDF", "Invoices November", "Blog post");
        plan.Items!.Select(i => i.Due?.Resolve(Tuesday)).Should().Equal(new LocalDate(2026, 12, 3), null, new LocalDate(2026, 12, 4));
        CommandParser.Parse("/checkin plan").Should().Be(new PlanCommand(null));
    }

    [Theory]
    [InlineData("/checkin focus 90m", 90)]
    [InlineData("/checkin focus 2h", 120)]
    [InlineData("/checkin focus 1u30", 90)]
    [InlineData("/checkin concentration 1h30", 90)]
    [InlineData("/checkin focus 45 min", 45)]
    public void Focus_reads_a_duration(string text, int minutes) =>
        CommandParser.Parse(text).Should().Be(new FocusCommand(Duration.FromMinutes(minutes)));

    [Fact]
    public void Focus_off_post_now_snooze_export_and_forget_parse()
    {
        CommandParser.Parse("/checkin focus uit").Should().Be(new FocusCommand(null));
        CommandParser.Parse("/checkin post now").Should().Be(new PostNowCommand(null));
        CommandParser.Parse("/checkin snooze").Should().Be(new SnoozeCommand(null));
        CommandParser.Parse("/checkin exporteer").Should().BeOfType<ExportCommand>();
        CommandParser.Parse("/checkin forget").Should().Be(new ForgetCommand(false));
        CommandParser.Parse("/checkin vergeet bevestig").Should().Be(new ForgetCommand(true));
        CommandParser.Parse("/checkin oublier confirmer").Should().Be(new ForgetCommand(true));
    }
}
