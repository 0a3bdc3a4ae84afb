using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>Plain messages get no answer in the Slack adapter's tests.</summary>
public sealed class NoMessageAnswers : IMessageHandler
{
    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>([]);
}
