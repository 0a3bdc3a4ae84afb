using CheckinBot.Core.Tasks;
using CheckinBot.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Tasks;

/// <summary>The open work the ping classifier may read: the titles of the VA's planned, started and blocked tasks.</summary>
public class OpenWorkFromTheTaskLogTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    [Fact]
    public async Task Planned_started_and_blocked_tasks_are_open_and_done_ones_and_other_collaborations_are_not()
    {
        var collaboration = Guid.NewGuid();
        var tasks = new InMemoryTasks();
        var blocked = WorkTask.New(collaboration, "Photographer booking", TaskState.Started, Now);
        blocked.Block("waiting for a quote", Now);
        var done = WorkTask.New(collaboration, "Newsletter PDF", TaskState.Started, Now);
        done.Finish(Now);
        await tasks.SaveAsync(
        [
            WorkTask.New(collaboration, "Invoices March", TaskState.Planned, Now),
            WorkTask.New(collaboration, "Mailing to the fair's contacts", TaskState.Started, Now),
            blocked,
            done,
            WorkTask.New(Guid.NewGuid(), "Someone else's task", TaskState.Started, Now),
        ], default);

        var open = await new TaskWorkStatus(tasks, new InMemoryCollaborations()).OpenWorkAsync(collaboration, default);

        open.Titles.Should().Equal("Invoices March", "Mailing to the fair's contacts", "Photographer booking");
    }
}
