using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Teams.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// The core's <see cref="IChatGateway"/> for Teams. Conversation posts go to the stored reference; a message "only for"
/// one person goes to their personal conversation (Teams has no ephemeral messages in channels), or, when that cannot be
/// opened, into the conversation addressed to them; direct messages open the personal conversation when needed.
/// A singleton like every gateway; each post works in a scope of its own, as the stores are scoped.
/// </summary>
internal sealed class TeamsGateway(IServiceScopeFactory scopes) : IChatGateway
{
    public string Platform => TurnReader.Platform;

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamsPoster>().PostAsync(message, cancellationToken);
    }

    public async Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamsPoster>().FindPostedAsync(where, occurrenceKey, window, cancellationToken);
    }
}
