using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Slack.Tests.Support;

/// <summary><c>status</c> answered to the sender once <see cref="Gate"/> opens, like a store that takes its time.</summary>
public sealed class SlowStatusHandler : ICommandHandler<StatusCommand>
{
    /// <summary>Open unless a test holds it; the handler answers only when it completes.</summary>
    public static Task Gate { get; set; } = Task.CompletedTask;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        return [context.ToSender("Status: Maria is working on the newsletter.")];
    }

    public bool NeedsMembership(Command command) => false;
}
