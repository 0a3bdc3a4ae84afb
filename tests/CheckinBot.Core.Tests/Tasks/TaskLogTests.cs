using CheckinBot.Core.Tasks;
using NodaTime;

namespace CheckinBot.Core.Tests.Tasks;

public class TaskLogTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);
    private static readonly Guid Collaboration = Guid.NewGuid();

    private static WorkTask New(string title, TaskState state = TaskState.Started, int minutesAgo = 0) =>
        WorkTask.New(Collaboration, title, state, Now - Duration.FromMinutes(minutesAgo));

    [Fact]
    public void A_task_is_found_by_a_forgiving_prefix_of_its_title()
    {
        var newsletter = New("Newsletter PDF");
        var tasks = new[] { newsletter, New("Invoices November") };

        TaskLog.Match(tasks, "news").Should().Equal(newsletter);
        TaskLog.Match(tasks, "NEWSLETTER pdf").Should().Equal(newsletter);
        TaskLog.Match(tasks, "pdf").Should().Equal([newsletter], "a word of the title counts too");
        TaskLog.Match(tasks, "blog").Should().BeEmpty();
    }

    [Fact]
    public void An_exact_title_wins_over_prefixes_and_open_tasks_over_done_ones()
    {
        var logo = New("Logo");
        var logoRefresh = New("Logo refresh");
        var doneLogo = New("Logo files");
        doneLogo.Finish(Now);

        TaskLog.Match([logo, logoRefresh, doneLogo], "logo").Should().Equal(logo);
        TaskLog.Match([logoRefresh, doneLogo], "logo f").Should().Equal(doneLogo);
        TaskLog.Match([logo, logoRefresh], "lo").Should().HaveCount(2);
    }

    [Fact]
    public void Block_splits_the_title_from_the_reason()
    {
        var logo = New("Logo refresh");
        var (task, reason, _) = TaskLog.Split([logo, New("Newsletter PDF")], "logo waiting for the files from Tom");

        task.Should().Be(logo);
        reason.Should().Be("waiting for the files from Tom");
        TaskLog.Split([logo], "Logo refresh: files").Remainder.Should().Be("files");
    }

    [Fact]
    public void The_task_in_progress_is_the_started_task_touched_last()
    {
        var older = New("Invoices", minutesAgo: 60);
        var newer = New("Newsletter PDF", minutesAgo: 5);
        var blocked = New("Logo", minutesAgo: 1);
        blocked.Block("files", Now);

        TaskLog.Current([older, newer, blocked]).Should().Be(newer);
        older.SetProgress(50, Now);
        TaskLog.Current([older, newer, blocked]).Should().Be(older);
        TaskLog.Current([blocked]).Should().BeNull();
    }
}
