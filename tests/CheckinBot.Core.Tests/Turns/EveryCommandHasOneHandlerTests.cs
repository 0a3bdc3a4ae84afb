using CheckinBot.Core.Commands;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

public sealed class EveryCommandHasOneHandlerTests
{
    private static readonly Type[] GrammarCommands = typeof(Command).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract)
        .ToArray();

    private static readonly Type[] HandlerTypes = typeof(ICommandHandler).Assembly.GetTypes()
        .Where(t => typeof(ICommandHandler).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .ToArray();

    public static TheoryData<string> CommandNames() => new(GrammarCommands.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EachCommandOfTheGrammarIsServedByExactlyOneHandlerOfTheCore(string command)
    {
        var type = GrammarCommands.Single(t => t.Name == command);

        var handlers = HandlerTypes.Where(h => CommandTable.CommandsOf(h).Contains(type)).Select(h => h.Name).ToList();

        handlers.Should().ContainSingle($"{command} needs one handler implementing ICommandHandler<{command}>");
    }

    [Fact]
    public void TheRoutersTableFromTheRegisteredHandlersCoversTheWholeGrammar()
    {
        var table = CommandTable.Of(new PingWorld().Handlers);

        table.Commands.Should().BeEquivalentTo(GrammarCommands);
    }

    [Fact]
    public void TheTableListsItsCommandsOnceAndGivesThatListOnEveryRead()
    {
        var table = CommandTable.Of(new PingWorld().Handlers);

        var first = table.Commands;

        table.Commands.Should().BeSameAs(first);
        first.Should().OnlyHaveUniqueItems().And.HaveCount(GrammarCommands.Length);
    }

    [Fact]
    public void TwoHandlersForOneCommandAreRefusedWhenTheTableIsBuilt()
    {
        var build = () => CommandTable.Of([new UsageHandler(), new UsageHandler()]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*HelpCommand*UsageHandler*");
    }

    [Fact]
    public void ACommandWithoutAHandlerIsAnErrorNotACatchAll()
    {
        var table = CommandTable.Of([new UsageHandler()]);

        var find = () => table.For(new StatusCommand());

        find.Should().Throw<InvalidOperationException>().WithMessage("No handler serves StatusCommand.");
    }
}
