namespace CheckinBot.Slack;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";
    public const string DefaultAuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary>Verifies every HTTP request from Slack (v0 signatures).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>An <c>xoxb-</c> token: one workspace, no OAuth.</summary>
    public string? BotToken { get; set; }

    /// <summary>With <see cref="ClientSecret"/>: installing into many workspaces through OAuth v2.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>An <c>xapp-</c> token: receive over Socket Mode instead of HTTP request URLs.</summary>
    public string? AppToken { get; set; }

    /// <summary>The Web API's base; tests point it at a fake Slack on loopback.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where <c>/slack/install</c> sends the installer.</summary>
    public string AuthorizeUrl { get; set; } = DefaultAuthorizeUrl;

    /// <summary>The OAuth redirect URL; by default <c>/slack/oauth/callback</c> on the host the installer came to.</summary>
    public string? RedirectUrl { get; set; }

    /// <summary>Requests larger than this are refused with 413 before they are verified.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The least time between two posts in one channel (Slack allows about one a second).</summary>
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between two <c>conversations.history</c> pages read in one workspace when a post is looked up again
    /// after a crash (Slack's tier 3 allows about 50 a minute).
    /// </summary>
    public TimeSpan LookupInterval { get; set; } = TimeSpan.FromSeconds(1.2);

    /// <summary>
    /// How long a slash command waits for its answer to go inside the acknowledgement (Slack allows 3 seconds); a later
    /// answer goes to the command's <c>response_url</c>. Also the longest a request waits for room in a full queue
    /// before Slack is told the bot is busy.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Socket Mode: reconnect when nothing arrived for this long.</summary>
    public TimeSpan SocketSilenceTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a user's Slack profile (zone, locale, name) is remembered.</summary>
    public TimeSpan ProfileCacheDuration { get; set; } = TimeSpan.FromHours(6);

    internal bool IsMultiWorkspace => !string.IsNullOrWhiteSpace(ClientId);

    internal bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
