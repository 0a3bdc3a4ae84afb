using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Slack.Tests.Support;

/// <summary><c>status</c> answered to the sender after <see cref="Delay"/>, like a store that takes its time.</summary>
public sealed class SlowStatusHandler : ICommandHandler<StatusCommand>
{
    public static TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        return [context.ToSender("Status: Maria is working on the newsletter.")];
    }

    public bool NeedsMembership(Command command) => false;
}
