using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Turns;
using CheckinBot.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Tasks;

public class TaskCommandsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 8, 12);

    private readonly InMemoryTasks store = new();
    private readonly Collaboration collaboration = new()
    {
        Id = Guid.NewGuid(), Platform = "playground", WorkspaceId = "w", ConversationId = "c", VaId = "ina", ClientIds = ["tom"],
        TimeZone = "Europe/Brussels", Language = "en",
    };

    private TurnContext As(string person, Instant? at = null) => new()
    {
        Turn = new ChatTurn { Platform = "playground", WorkspaceId = "w", ConversationId = "c", Person = new ChatPerson(person), Kind = TurnKind.Command },
        Person = new Person { Platform = "playground", WorkspaceId = "w", Id = person, DisplayName = person, Language = "en" },
        Now = at ?? Now,
        Collaboration = collaboration,
    };

    private async Task<string> Run(string person, string text, Instant? at = null)
    {
        var replies = await new TaskCommands(store).HandleAsync(As(person, at), CommandParser.Parse(text), CancellationToken.None);
        return replies.Single().Message.PlainText;
    }

    [Fact]
    public async Task The_VA_logs_a_task_from_start_to_done_by_a_prefix_of_its_title()
    {
        (await Run("ina", "/checkin start Newsletter PDF due thu")).Should().Be("Noted. 🔄 In progress: Newsletter PDF (due Thursday)");
        (await Run("ina", "/checkin progress news 60%")).Should().Be("Noted. 🔄 In progress: Newsletter PDF (60%, due Thursday)");
        (await Run("ina", "/checkin block newsletter waiting for the logo")).Should().Be("Noted. ⛔ Waiting: Newsletter PDF — waiting for the logo");
        (await Run("ina", "/checkin done news")).Should().Be("Noted. ✅ Done: Newsletter PDF");

        store.All.Should().ContainSingle().Which.DoneAt.Should().Be(Now);
        (await store.CurrentAsync(collaboration.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Starting_a_planned_item_picks_it_up_and_it_becomes_the_task_in_progress()
    {
        await Run("ina", "/checkin plan Newsletter PDF due thu; Invoices");
        store.All.Should().HaveCount(2).And.OnlyContain(t => t.InPlan && t.State == TaskState.Planned);

        await Run("ina", "/checkin start invoices", Now + Duration.FromHours(1));

        store.All.Should().HaveCount(2);
        (await store.CurrentAsync(collaboration.Id, CancellationToken.None))!.Title.Should().Be("Invoices");
        (await Run("ina", "/checkin plan")).Should().Be("Your week plan:\n⬜ Newsletter PDF (due Thursday)\n⬜ Invoices");
    }

    [Fact]
    public async Task Only_the_VA_logs_tasks_and_unknown_or_ambiguous_titles_are_answered_kindly()
    {
        (await Run("tom", "/checkin start Something")).Should().Be("Only the VA can do that.");
        await Run("ina", "/checkin start Logo");
        await Run("ina", "/checkin start Logbook");

        (await Run("ina", "/checkin done blog")).Should().StartWith("No task matches \"blog\".");
        (await Run("ina", "/checkin done lo")).Should().Be("\"lo\" matches several tasks: ‘Logo’, ‘Logbook’. Type a little more of the title.");
        (await Run("ina", "/checkin tasks")).Should().Be("Your tasks:\n🔄 In progress: Logo\n🔄 In progress: Logbook");
    }
}
