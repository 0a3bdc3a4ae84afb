using CheckinBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.WebApi;

/// <summary>The bot token for a workspace: from its installation (OAuth), or <c>Slack:BotToken</c> in single-workspace mode.</summary>
public sealed class SlackTokens(IServiceScopeFactory scopes, IOptions<SlackOptions> options)
{
    public async Task<string> ForWorkspaceAsync(string workspaceId, CancellationToken cancellationToken)
    {
        var configured = options.Value.BotToken;
        if (!options.Value.IsMultiWorkspace && !string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        await using var scope = scopes.CreateAsyncScope();
        var installations = scope.ServiceProvider.GetService<IInstallationStore>();
        var installation = installations is null ? null : await installations.FindAsync(SlackPlatform.Name, workspaceId, cancellationToken);
        return installation?.BotToken
            ?? (string.IsNullOrWhiteSpace(configured) ? throw new SlackApiException("auth", "not_installed") : configured);
    }
}
