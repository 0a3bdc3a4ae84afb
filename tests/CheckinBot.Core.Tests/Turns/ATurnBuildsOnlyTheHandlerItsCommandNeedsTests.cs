using CheckinBot.Core.Commands;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

public sealed class ATurnBuildsOnlyTheHandlerItsCommandNeedsTests
{
    private readonly List<Type> built = [];
    private readonly CommandTable table;

    public ATurnBuildsOnlyTheHandlerItsCommandNeedsTests()
    {
        var handlers = new PingWorld().Handlers.ToDictionary(handler => handler.GetType());
        table = new CommandTable(CommandTable.MapOf(CoreUseCases.CommandHandlers), new Recording(handlers, built));
    }

    [Fact]
    public void AskingWhetherHelpOnlyReadsAndHandlingItBuildsTheUsageHandlerAlone()
    {
        var onlyReads = table.OnlyReads(new HelpCommand());
        var handler = table.For(new HelpCommand());

        onlyReads.Should().BeTrue();
        handler.Should().BeOfType<UsageHandler>();
        built.Should().OnlyContain(type => type == typeof(UsageHandler));
    }

    [Fact]
    public void StatusBuildsTheStatusHandlerAndNoOther()
    {
        table.For(new StatusCommand()).Should().BeOfType<StatusCommands>();

        built.Should().Equal(typeof(StatusCommands));
    }

    [Fact]
    public void TheTableOfTheCoresHandlerTypesCoversTheSameCommandsAsTheBuiltHandlers()
    {
        table.Commands.Should().BeEquivalentTo(CommandTable.Of(new PingWorld().Handlers).Commands);
        built.Should().BeEmpty();
    }

    [Fact]
    public void TwoHandlerTypesForOneCommandAreRefusedWhenTheMapIsRead()
    {
        var read = () => CommandTable.MapOf([typeof(UsageHandler), typeof(UsageHandler)]);

        read.Should().Throw<InvalidOperationException>().WithMessage("*HelpCommand*UsageHandler*");
    }

    /// <summary>A turn's scope as far as the table sees it: gives each handler by its type, and notes which were asked for.</summary>
    private sealed class Recording(Dictionary<Type, ICommandHandler> handlers, List<Type> built) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            built.Add(serviceType);
            return handlers.GetValueOrDefault(serviceType);
        }
    }
}
