namespace CheckinBot.Teams;

/// <summary>The <c>Teams</c> configuration section: the bot's Entra registration and where its partners live.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Microsoft's OpenID metadata for tokens the Bot Connector signs.</summary>
    public const string BotConnectorMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of tokens the Bot Connector signs.</summary>
    public const string BotConnectorIssuer = "https://api.botframework.com";

    /// <summary>The bot's App ID (its Entra application id). Without it, the bot runs anonymously, in Development only.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the App ID.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot; its Entra issuers are accepted and its token endpoint used.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the signing keys of inbound tokens are described.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotConnectorMetadataUrl;

    /// <summary>
    /// Where the signing keys of Entra-issued tokens (single-tenant bots) are described, when they are not in
    /// <see cref="OpenIdMetadataUrl"/>; by default the tenant's v2.0 metadata.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// Apps (their <c>appid</c>/<c>azp</c>) whose tokens from the bot's own Entra tenant are accepted; empty by default,
    /// so that only the Bot Connector's tokens are. A tenant-issued token names whichever app asked for it.
    /// </summary>
    public IList<string> AllowedCallers { get; } = new List<string>();

    /// <summary>
    /// Base URLs, besides the Bot Framework's own https hosts, that activities may name as their <c>serviceUrl</c> and the
    /// bot may send its token to: for tests and local tools on this machine. Empty by default.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; } = new List<string>();

    /// <summary>Where outbound tokens come from (client credentials); by default the tenant's, or botframework.com's.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The first delay of the exponential backoff when Teams answers 429, 412, 502, 503 or 504.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a call is tried again after such an answer.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>True when no App ID is configured: requests are not authenticated and replies carry no token.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public string TokenEndpointOrDefault =>
        TokenEndpoint is { Length: > 0 } configured
            ? configured
            : $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token";

    public string? EntraMetadataUrlOrDefault =>
        EntraOpenIdMetadataUrl is { Length: > 0 } configured ? configured
        : string.IsNullOrWhiteSpace(TenantId) ? null
        : $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration";
}
