using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Testing.Teams;

/// <summary>
/// A local OpenID metadata and key server with RSA keys made in the test, and a minter of tokens as the Bot Connector
/// signs them. Keys: "teams" endorsed for msteams, "webchat" endorsed for webchat only, "bare" with no endorsements,
/// and "hidden", which signs but is not published. A second metadata document, <see cref="EntraMetadataUrl"/>, plays the
/// bot's own Entra tenant: it publishes "entra", with no endorsements, as Entra's keys are.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    public const string BotConnector = "https://api.botframework.com";
    public const string AppId = "7f0c1a2b-0000-4c3d-9e8f-a1b2c3d4e5f6";
    public const string TenantId = "a9e5d7c1-1111-4b2a-8c3d-0f1e2d3c4b5a";

    private readonly Dictionary<string, RSA> keys = new()
    {
        ["teams"] = RSA.Create(2048),
        ["webchat"] = RSA.Create(2048),
        ["bare"] = RSA.Create(2048),
        ["hidden"] = RSA.Create(2048),
        ["entra"] = RSA.Create(2048),
    };

    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public string EntraMetadataUrl => BaseUrl + "/entra/v2.0/.well-known/openid-configuration";
    public int MetadataRequests { get; private set; }

    /// <summary>The issuer of the tenant's Entra v2.0 tokens.</summary>
    public static string EntraIssuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public static async Task<TokenIssuer> StartAsync()
    {
        var issuer = new TokenIssuer();
        var web = Loopback.Builder().Build();
        web.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            issuer.MetadataRequests++;
            return Results.Json(new { issuer = BotConnector, jwks_uri = issuer.BaseUrl + "/v1/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
        });
        web.MapGet("/v1/keys", () => Results.Text(issuer.Jwks(Published).ToJsonString(), "application/json"));
        web.MapGet("/entra/v2.0/.well-known/openid-configuration", () =>
            Results.Json(new { issuer = EntraIssuer, jwks_uri = issuer.BaseUrl + "/entra/keys", id_token_signing_alg_values_supported = new[] { "RS256" } }));
        web.MapGet("/entra/keys", () => Results.Text(issuer.Jwks([("entra", null)]).ToJsonString(), "application/json"));
        (issuer.app, issuer.BaseUrl) = await Loopback.StartAsync(web);
        return issuer;
    }

    /// <summary>A token with every claim right for the activity's service URL, then changed by <paramref name="change"/>.</summary>
    public string Mint(string serviceUrl, DateTimeOffset now, Action<TokenSpec>? change = null)
    {
        var spec = new TokenSpec
        {
            Issuer = BotConnector,
            Audience = AppId,
            ServiceUrl = serviceUrl,
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddMinutes(55),
            KeyId = "teams",
        };
        change?.Invoke(spec);
        if (spec.Algorithm == "none")
        {
            return Unsigned(spec);
        }

        var claims = new Dictionary<string, object> { ["serviceurl"] = spec.ServiceUrl!, [spec.CallerClaim] = spec.AppId };
        if (spec.ServiceUrl is null)
        {
            claims.Remove("serviceurl");
        }

        if (spec.TenantId is not null)
        {
            claims["tid"] = spec.TenantId;
        }

        if (spec.RawExpires is { } rawExpires)
        {
            claims["exp"] = rawExpires;
        }

        SigningCredentials credentials = spec.Algorithm == SecurityAlgorithms.HmacSha256
            ? new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))) { KeyId = spec.KeyId }, SecurityAlgorithms.HmacSha256)
            : new SigningCredentials(new RsaSecurityKey(spec.SignWith is { } other ? keys[other] : keys[spec.KeyId]) { KeyId = spec.KeyId }, spec.Algorithm);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.RawExpires is null ? spec.Expires.UtcDateTime : null,
            IssuedAt = spec.NotBefore.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static readonly (string Kid, string[]? Endorsements)[] Published =
        [("teams", ["msteams", "emulator"]), ("webchat", ["webchat"]), ("bare", null)];

    private JsonObject Jwks((string Kid, string[]? Endorsements)[] published)
    {
        var list = new JsonArray();
        foreach (var (kid, endorsements) in published)
        {
            var p = keys[kid].ExportParameters(false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (endorsements is not null)
            {
                key["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray());
            }

            list.Add(key);
        }

        return new JsonObject { ["keys"] = list };
    }

    private static string Unsigned(TokenSpec spec)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{spec.KeyId}}"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{spec.Issuer}}","aud":"{{spec.Audience}}","serviceurl":"{{spec.ServiceUrl}}","nbf":{{spec.NotBefore.ToUnixTimeSeconds()}},"exp":{{spec.Expires.ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }
}

/// <summary>The claims and signature of a minted token.</summary>
public sealed class TokenSpec
{
    public required string Issuer { get; set; }
    public required string Audience { get; set; }
    public string? ServiceUrl { get; set; }
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset Expires { get; set; }
    public required string KeyId { get; set; }

    /// <summary>The <c>appid</c> claim: who asked for the token.</summary>
    public string AppId { get; set; } = "connector";

    /// <summary>The claim that names the caller: <c>appid</c> (v1 tokens) or <c>azp</c> (v2).</summary>
    public string CallerClaim { get; set; } = "appid";

    /// <summary>The <c>tid</c> claim, when given.</summary>
    public string? TenantId { get; set; }

    /// <summary>An <c>exp</c> claim written as is, even out of any date's range.</summary>
    public long? RawExpires { get; set; }

    /// <summary>Sign with another key than the one the header names.</summary>
    public string? SignWith { get; set; }

    public string Algorithm { get; set; } = SecurityAlgorithms.RsaSha256;
}
