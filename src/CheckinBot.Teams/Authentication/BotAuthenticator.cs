using CheckinBot.Core.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// Checks the bearer token of a request to <c>/api/messages</c> the way the Bot Framework asks: issuer, audience,
/// lifetime (five minutes of skew, on the real clock, as Teams mints them), RS256 signature from a published key; then, once the activity
/// is read, the <c>serviceurl</c> claim and the key's endorsement of the channel.
/// </summary>
internal sealed class BotAuthenticator(IOptions<TeamsOptions> options, SigningKeys keys, WallClock time, ILogger<BotAuthenticator> logger)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>Checks the token alone (steps 1 to 5); the activity is not read before this passed.</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsAnonymous)
        {
            return AuthResult.Accept(BotCaller.Anonymous);
        }

        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Unauthorized("A bearer token is required.");
        }

        var raw = authorization[scheme.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthResult.Unauthorized("The bearer token is not a JWT.");
        }

        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return AuthResult.Unauthorized("The token is not signed with RS256.");
        }

        var issuers = ValidIssuers(settings);
        if (!issuers.Contains(token.Issuer, StringComparer.Ordinal))
        {
            return AuthResult.Unauthorized("The token's issuer is not trusted.");
        }

        var isEntra = token.Issuer != TeamsOptions.BotConnectorIssuer;
        var keyId = token.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return AuthResult.Unauthorized("The token names no signing key.");
        }

        var key = await keys.FindAsync(keyId, isEntra, cancellationToken);
        if (key is null)
        {
            logger.Refused(401, "unknown signing key " + keyId);
            return AuthResult.Unauthorized("The token's signing key is unknown.");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = settings.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            // The lifetime is checked below, on the wall clock: the bot's own clock may have been moved forward.
            ValidateLifetime = false,
            TryAllIssuerSigningKeys = false,
        };
        var result = await handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            var reason = Describe(result.Exception);
            logger.Refused(401, reason);
            return AuthResult.Unauthorized(reason);
        }

        if (LifetimeProblem(token) is { } problem)
        {
            logger.Refused(401, problem);
            return AuthResult.Unauthorized(problem);
        }

        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        return AuthResult.Accept(new BotCaller(key, serviceUrl, isEntra));
    }

    /// <summary>Checks the token against the activity it came with (steps 6 and 7).</summary>
    public static AuthResult Authorize(BotCaller caller, string? serviceUrl, string? channelId)
    {
        if (caller.Key is null)
        {
            return AuthResult.Accept(caller); // anonymous development
        }

        // The Bot Connector's tokens always name the service they come from; Entra tokens may not.
        if (caller.ServiceUrl is not null || !caller.IsEntraToken)
        {
            if (caller.ServiceUrl is null || serviceUrl is null || !SameUrl(caller.ServiceUrl, serviceUrl))
            {
                return AuthResult.Forbidden("The token's serviceurl does not match the activity's serviceUrl.");
            }
        }

        // Keys of the Bot Connector list the channels they are endorsed for; Entra's keys list none.
        if (caller.Key.Endorsements is not null || !caller.IsEntraToken)
        {
            if (string.IsNullOrEmpty(channelId) || !caller.Key.IsEndorsedFor(channelId))
            {
                return AuthResult.Forbidden("The signing key is not endorsed for the activity's channel.");
            }
        }

        return AuthResult.Accept(caller);
    }

    private string? LifetimeProblem(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>("exp", out var expires))
        {
            return "The token has no expiry.";
        }

        var now = time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(expires) + Skew < now)
        {
            return "The token has expired.";
        }

        if (token.TryGetPayloadValue<long>("nbf", out var notBefore) && DateTimeOffset.FromUnixTimeSeconds(notBefore) - Skew > now)
        {
            return "The token is not valid yet.";
        }

        return null;
    }

    private static List<string> ValidIssuers(TeamsOptions settings)
    {
        var issuers = new List<string> { TeamsOptions.BotConnectorIssuer };
        if (!string.IsNullOrWhiteSpace(settings.TenantId))
        {
            issuers.Add($"https://login.microsoftonline.com/{settings.TenantId}/v2.0");
            issuers.Add($"https://sts.windows.net/{settings.TenantId}/");
        }

        return issuers;
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenInvalidAudienceException => "The token is not meant for this bot.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        _ => "The token is not valid.",
    };
}
