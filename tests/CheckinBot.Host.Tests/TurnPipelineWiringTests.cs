using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Host.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.Host.Tests;

public sealed class TurnPipelineWiringTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheHandlersTheHostRegistersServeEveryCommandOfTheGrammar()
    {
        await using var bot = await BotServer.StartAsync(Start);
        await using var scope = bot.Services.CreateAsyncScope();

        var table = CommandTable.Of(scope.ServiceProvider.GetServices<ICommandHandler>());

        var grammar = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract);
        table.Commands.Should().BeEquivalentTo(grammar);
    }

    [Fact]
    public async Task TheTableATurnGetsFromTheHostServesEveryCommandOfTheGrammarAndGivesTheScopesOwnHandler()
    {
        await using var bot = await BotServer.StartAsync(Start);
        await using var scope = bot.Services.CreateAsyncScope();

        var table = scope.ServiceProvider.GetRequiredService<CommandTable>();

        var grammar = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract);
        table.Commands.Should().BeEquivalentTo(grammar);
        table.For(new HelpCommand()).Should().BeSameAs(scope.ServiceProvider.GetRequiredService<UsageHandler>());
    }

    [Fact]
    public async Task ATurnRefusedAsBusyIsCountedInMetrics()
    {
        await using var bot = await BotServer.StartAsync(Start, null, "--Turns:QueueCapacity=1", "--Turns:Workers=1");
        var inbox = bot.Services.GetRequiredService<TurnInbox>();
        var turn = new ChatTurn { Platform = "metrics-test", WorkspaceId = "W", ConversationId = "C", Person = new ChatPerson("U"), Kind = TurnKind.Install };

        // The host's one worker stopped (it would otherwise take each turn on this thread as it is queued, so whether the
        // queue ever filled was a race): the first turn takes the one place, the next finds no room within its budget.
        await bot.Services.GetServices<IHostedService>().OfType<TurnInboxWorker>().Single().StopAsync(default);
        var queued = await inbox.TryQueueAsync(new PendingTurn(turn, HandOver.None), TimeSpan.Zero, TimeProvider.System, default);
        var refused = !await inbox.TryQueueAsync(new PendingTurn(turn, HandOver.None), TimeSpan.Zero, TimeProvider.System, default);

        queued.Should().BeTrue();
        refused.Should().BeTrue();
        (await bot.Client.GetStringAsync("/metrics")).Should().Contain("checkinbot_turns_busy_total{platform=\"metrics-test\"}");
    }
}
