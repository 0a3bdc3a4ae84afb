using CheckinBot.Core.Clock;
using CheckinBot.Teams.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// Checks the bearer token of a request to <c>/api/messages</c> the way the Bot Framework asks: issuer, audience,
/// lifetime (five minutes of skew, on the real clock, as Teams mints them), RS256 signature from a published key, and
/// for a token of the bot's own Entra tenant its caller (<c>Teams:AllowedCallers</c>) and tenant; then, once the
/// activity is read, its channel (<c>msteams</c>), tenant, service URL (allowed, and equal to the <c>serviceurl</c>
/// claim) and the key's endorsement of the channel.
/// </summary>
internal sealed class BotAuthenticator(IOptions<TeamsOptions> options, SigningKeys keys, ServiceUrlAllowList serviceUrls, WallClock time,
    ILogger<BotAuthenticator> logger)
{
    private readonly VerifiedTokens verified = new();

    /// <summary>The one channel the bot serves; the Bot Framework Emulator's is allowed in anonymous Development only.</summary>
    public const string Teams = "msteams";

    public const string Emulator = "emulator";

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The Unix seconds a <see cref="DateTimeOffset"/> can hold; a claim outside them is refused, not thrown on.</summary>
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static readonly long SkewSeconds = (long)Skew.TotalSeconds;
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

        if (verified.TryGet(authorization.AsSpan(scheme.Length).Trim(), out var known))
        {
            if (LifetimeProblem(known.Expires, known.NotBefore) is { } expired)
            {
                verified.Forget(authorization.AsSpan(scheme.Length).Trim());
                logger.Refused(401, expired);
                return AuthResult.Unauthorized(expired);
            }

            // The same key still published: nothing else the check read can have changed.
            if (ReferenceEquals(await keys.FindAsync(known.KeyId, known.IsEntra, cancellationToken), known.Caller.Key))
            {
                return AuthResult.Accept(known.Caller);
            }

            verified.Forget(authorization.AsSpan(scheme.Length).Trim());
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

        if (isEntra && CallerProblem(token, settings) is { } refused)
        {
            logger.Refused(403, refused);
            return AuthResult.Forbidden(refused);
        }

        var caller = new BotCaller(key, Claim(token, "serviceurl"), isEntra);
        verified.Keep(raw, new VerifiedToken(caller, keyId, isEntra, Seconds(token, "exp")!.Value, Seconds(token, "nbf")));
        return AuthResult.Accept(caller);
    }

    /// <summary>Checks the token against the activity it came with (steps 6 and 7), and the activity against the bot's settings.</summary>
    public AuthResult Authorize(BotCaller caller, Activity activity)
    {
        var settings = options.Value;
        var anonymous = caller.Key is null;
        var channelId = activity.ChannelId;
        if (!string.Equals(channelId, Teams, StringComparison.Ordinal) && !(anonymous && string.Equals(channelId, Emulator, StringComparison.Ordinal)))
        {
            return AuthResult.Forbidden($"The activity's channelId must be {Teams}.");
        }

        if (TenantProblem(activity, settings) is { } tenantProblem)
        {
            return AuthResult.Forbidden(tenantProblem);
        }

        // Checked for every caller, even Microsoft: the bot's token goes where the activity says replies go.
        if (!serviceUrls.Allows(activity.ServiceUrl))
        {
            return AuthResult.Forbidden("The activity's serviceUrl is not a Bot Framework service URL nor one in Teams:AllowedServiceUrls.");
        }

        if (anonymous)
        {
            return AuthResult.Accept(caller); // anonymous development
        }

        // The Bot Connector's tokens always name the service they come from; Entra tokens may not, but when they do it must agree.
        if (caller.ServiceUrl is not null || !caller.IsEntraToken)
        {
            if (caller.ServiceUrl is null || activity.ServiceUrl is null || !SameUrl(caller.ServiceUrl, activity.ServiceUrl))
            {
                return AuthResult.Forbidden("The token's serviceurl does not match the activity's serviceUrl.");
            }
        }

        // Keys of the Bot Connector list the channels they are endorsed for; Entra's keys list none, but when they do it must agree.
        if (caller.Key!.Endorsements is not null || !caller.IsEntraToken)
        {
            if (!caller.Key.IsEndorsedFor(channelId!))
            {
                return AuthResult.Forbidden("The signing key is not endorsed for the activity's channel.");
            }
        }

        return AuthResult.Accept(caller);
    }

    /// <summary>
    /// Both places an activity names its tenant must agree, and with <c>Teams:TenantId</c> they must name that tenant:
    /// a single-tenant bot serves no other.
    /// </summary>
    private static string? TenantProblem(Activity activity, TeamsOptions settings)
    {
        var fromConversation = activity.Conversation?.TenantId;
        var tenant = TeamsConversation.WorkspaceOf(activity);
        if (!string.IsNullOrEmpty(fromConversation) && !string.Equals(fromConversation, tenant, StringComparison.OrdinalIgnoreCase))
        {
            return "The activity names two different tenants.";
        }

        // Without a tenant in the activity, WorkspaceOf falls back to names that are never a tenant id.
        if (!string.IsNullOrWhiteSpace(settings.TenantId) && !string.Equals(tenant, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return "The activity's tenant is not Teams:TenantId.";
        }

        return null;
    }

    /// <summary>
    /// A token of the bot's own tenant names whichever app asked for it (<c>appid</c> in v1 tokens, <c>azp</c> in v2):
    /// only the apps listed in <c>Teams:AllowedCallers</c> may call the bot with one, as the Bot Framework SDK's
    /// allowed-callers check does for skills. Its <c>tid</c>, when given, must be the bot's tenant.
    /// </summary>
    private static string? CallerProblem(JsonWebToken token, TeamsOptions settings)
    {
        var caller = Claim(token, "appid") ?? Claim(token, "azp");
        if (caller is null || !settings.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return "The token was issued to an app that is not listed in Teams:AllowedCallers.";
        }

        if (Claim(token, "tid") is { } tenant && !string.Equals(tenant, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return "The token's tenant is not Teams:TenantId.";
        }

        return null;
    }

    private string? LifetimeProblem(JsonWebToken token)
    {
        if (Seconds(token, "exp") is not { } expires)
        {
            return "The token has no valid expiry.";
        }

        long? notBefore = null;
        if (token.TryGetPayloadValue<object>("nbf", out _))
        {
            notBefore = Seconds(token, "nbf");
            if (notBefore is null)
            {
                return "The token's nbf is not a valid time.";
            }
        }

        return LifetimeProblem(expires, notBefore);
    }

    private string? LifetimeProblem(long expires, long? notBefore)
    {
        var now = time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(expires) + Skew < now)
        {
            return "The token has expired.";
        }

        return notBefore is { } from && DateTimeOffset.FromUnixTimeSeconds(from) - Skew > now ? "The token is not valid yet." : null;
    }

    /// <summary>A time claim in Unix seconds, or null when missing, not a whole number, or beyond what a date can hold.</summary>
    private static long? Seconds(JsonWebToken token, string claim)
    {
        try
        {
            return token.TryGetPayloadValue<long>(claim, out var seconds) && seconds >= MinSeconds + SkewSeconds && seconds <= MaxSeconds - SkewSeconds
                ? seconds
                : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Claim(JsonWebToken token, string claim)
    {
        try
        {
            return token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or System.Text.Json.JsonException)
        {
            return null;
        }
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
