using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using CheckinBot.Storage.Tests.Turns;

namespace CheckinBot.Storage.Tests.Reads;

/// <summary>
/// Neither the router nor the introductions forget recent reads themselves: the real store does, once its write is
/// committed. Read-only turns through the dispatcher on SQLite (recent reads kept, a clock that never moves on) still
/// see what a command that writes, or the introduction of its sender, stored just before.
/// </summary>
public sealed class CommandsThatWriteAreNotReadStaleTests : IAsyncLifetime
{
    private TurnWorld world = null!;

    public async Task InitializeAsync() => world = await TurnWorld.StartAsync(more => StorageFixture.SqliteAsync(more));

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Status_after_a_setup_in_the_same_channel_sees_the_new_collaboration()
    {
        var before = await AnswerAsync(TurnWorld.Client, "status", "C9");

        await AnswerAsync(TurnWorld.Va, "setup <@U-tom>", "C9");
        var after = await AnswerAsync(TurnWorld.Client, "status", "C9");

        before.Should().Contain(Localizer.Get("en", "error.noCollaboration"));
        after.Should().NotContain(Localizer.Get("en", "error.noCollaboration"), "the setup's write forgot the empty read before it");
    }

    [Fact]
    public async Task A_read_only_command_after_lang_answers_in_the_new_language()
    {
        var before = await AnswerAsync(TurnWorld.Client, "status", "C9");

        await AnswerAsync(TurnWorld.Client, "lang fr", "C9");
        var after = await AnswerAsync(TurnWorld.Client, "status", "C9");

        before.Should().Contain(Localizer.Get("en", "error.noCollaboration"));
        after.Should().Contain(Localizer.Get("fr", "error.noCollaboration"), "the person's write forgot the read before it");
    }

    private async Task<string> AnswerAsync(string person, string text, string conversation)
    {
        var outcome = await world.DispatchAsync(TurnWorld.Command(person, text, conversation: conversation));
        return string.Join("\n", outcome.Posted.Select(p => p.Message.Message.PlainText));
    }
}
