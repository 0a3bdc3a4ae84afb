namespace CheckinBot.Slack;

/// <summary>Whether the <c>Slack</c> section asks for Slack, and what is wrong with it, in one line naming the key.</summary>
internal static class SlackConfiguration
{
    public static bool IsConfigured(SlackOptions slack) =>
        !string.IsNullOrWhiteSpace(slack.SigningSecret) || !string.IsNullOrWhiteSpace(slack.BotToken) ||
        !string.IsNullOrWhiteSpace(slack.ClientId) || !string.IsNullOrWhiteSpace(slack.AppToken);

    public static SlackConfigurationException? Problem(SlackOptions slack)
    {
        if (!slack.UsesSocketMode && string.IsNullOrWhiteSpace(slack.SigningSecret))
        {
            return new("Slack:SigningSecret", "is required to verify Slack's requests (or set Slack:AppToken for Socket Mode).");
        }

        if (slack.UsesSocketMode && !slack.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            return new("Slack:AppToken", "must be an app-level token starting with xapp-.");
        }

        if (!string.IsNullOrWhiteSpace(slack.BotToken) && !slack.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return new("Slack:BotToken", "must be a bot token starting with xoxb-.");
        }

        if (slack.IsMultiWorkspace && string.IsNullOrWhiteSpace(slack.ClientSecret))
        {
            return new("Slack:ClientSecret", "is required with Slack:ClientId to install through OAuth.");
        }

        if (!slack.IsMultiWorkspace && string.IsNullOrWhiteSpace(slack.BotToken))
        {
            return new("Slack:BotToken", "is required for one workspace (or set Slack:ClientId and Slack:ClientSecret for many).");
        }

        if (!IsHttpUrl(slack.ApiBaseUrl))
        {
            return new("Slack:ApiBaseUrl", "must be an absolute http(s) URL such as https://slack.com/api/.");
        }

        if (!IsHttpUrl(slack.AuthorizeUrl))
        {
            return new("Slack:AuthorizeUrl", "must be an absolute http(s) URL.");
        }

        if (slack.RedirectUrl is { Length: > 0 } redirect && !IsHttpUrl(redirect))
        {
            return new("Slack:RedirectUrl", "must be an absolute http(s) URL ending in /slack/oauth/callback.");
        }

        return slack.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024
            ? new("Slack:MaxBodyBytes", "must be between 1024 and 16777216.")
            : null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
