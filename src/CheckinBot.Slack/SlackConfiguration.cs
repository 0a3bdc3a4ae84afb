namespace CheckinBot.Slack;

/// <summary>Whether the <c>Slack</c> section asks for Slack, and what is wrong with it, in one line naming the key.</summary>
internal static class SlackConfiguration
{
    public static bool IsConfigured(SlackOptions slack) =>
        !string.IsNullOrWhiteSpace(slack.SigningSecret) || !string.IsNullOrWhiteSpace(slack.BotToken) ||
        !string.IsNullOrWhiteSpace(slack.ClientId) || !string.IsNullOrWhiteSpace(slack.AppToken);

    public static string? Problem(SlackOptions slack)
    {
        if (!slack.UsesSocketMode && string.IsNullOrWhiteSpace(slack.SigningSecret))
        {
            return "Slack:SigningSecret is required to verify Slack's requests (or set Slack:AppToken for Socket Mode).";
        }

        if (slack.UsesSocketMode && !slack.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            return "Slack:AppToken must be an app-level token starting with xapp-.";
        }

        if (!string.IsNullOrWhiteSpace(slack.BotToken) && !slack.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return "Slack:BotToken must be a bot token starting with xoxb-.";
        }

        if (slack.IsMultiWorkspace && string.IsNullOrWhiteSpace(slack.ClientSecret))
        {
            return "Slack:ClientSecret is required with Slack:ClientId to install through OAuth.";
        }

        if (!slack.IsMultiWorkspace && string.IsNullOrWhiteSpace(slack.BotToken))
        {
            return "Slack:BotToken is required for one workspace (or set Slack:ClientId and Slack:ClientSecret for many).";
        }

        if (!IsHttpUrl(slack.ApiBaseUrl))
        {
            return "Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.";
        }

        if (!IsHttpUrl(slack.AuthorizeUrl))
        {
            return "Slack:AuthorizeUrl must be an absolute http(s) URL.";
        }

        if (slack.RedirectUrl is { Length: > 0 } redirect && !IsHttpUrl(redirect))
        {
            return "Slack:RedirectUrl must be an absolute http(s) URL ending in /slack/oauth/callback.";
        }

        return slack.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024
            ? "Slack:MaxBodyBytes must be between 1024 and 16777216."
            : null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
