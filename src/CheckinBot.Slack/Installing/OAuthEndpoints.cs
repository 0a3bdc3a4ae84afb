using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CheckinBot.Slack.Installing;

/// <summary><c>/slack/install</c> and <c>/slack/oauth/callback</c>: installing into many workspaces with OAuth v2.</summary>
internal static class OAuthEndpoints
{
    public const string CallbackPath = "/slack/oauth/callback";

    public static async Task<IResult> InstallAsync(HttpContext http, OAuthStates states, IOptions<SlackOptions> options, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        if (!slack.IsMultiWorkspace)
        {
            return Results.NotFound("Installing through OAuth needs Slack:ClientId and Slack:ClientSecret.");
        }

        var (state, nonce) = await states.CreateAsync(cancellationToken);
        http.Response.Cookies.Append(OAuthStates.CookieName, nonce, Cookie(http, OAuthStates.Lifetime));
        var url = QueryHelpers.AddQueryString(slack.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = slack.ClientId,
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["redirect_uri"] = RedirectUrl(http, slack),
            ["state"] = state,
        });
        return Results.Redirect(url);
    }

    public static async Task<IResult> CallbackAsync(
        HttpContext http, OAuthStates states, SlackApiClient client,
        IOptions<SlackOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        var query = http.Request.Query;
        if (!slack.IsMultiWorkspace)
        {
            return Results.NotFound("Installing through OAuth needs Slack:ClientId and Slack:ClientSecret.");
        }

        var bound = await states.TryConsumeAsync(query["state"], http.Request.Cookies[OAuthStates.CookieName], cancellationToken);
        http.Response.Cookies.Delete(OAuthStates.CookieName, Cookie(http, null));
        if (!bound)
        {
            return Results.BadRequest("The installation link has expired, was already used, or was started in another browser; start again at /slack/install.");
        }

        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
        {
            return Results.BadRequest("Slack did not grant the installation.");
        }

        var logger = logs.CreateLogger(typeof(OAuthEndpoints));
        System.Text.Json.JsonElement answer;
        try
        {
            answer = await client.CallFormAsync("oauth.v2.access", null,
            [
                new("code", query["code"].ToString()),
                new("client_id", slack.ClientId!),
                new("client_secret", slack.ClientSecret!),
                new("redirect_uri", RedirectUrl(http, slack)),
            ], idempotent: false, cancellationToken);
        }
        catch (SlackApiException e)
        {
            logger.OAuthRefused(e.Error);
            return Results.BadRequest($"Slack refused the installation ({e.Error}).");
        }

        var team = answer.Obj("team");
        var teamId = team.Str("id");
        var token = answer.Str("access_token");
        if (teamId is null || token is null)
        {
            return Results.BadRequest("Slack's answer did not name a workspace and a bot token.");
        }

        if (http.RequestServices.GetService(typeof(IInstallationStore)) is not IInstallationStore installations)
        {
            logger.NoInstallationStore(teamId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        await installations.SaveAsync(new Installation
        {
            Platform = SlackPlatform.Name,
            WorkspaceId = teamId,
            WorkspaceName = team.Str("name"),
            BotUserId = answer.Str("bot_user_id"),
            BotToken = token,
            InstalledAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
        }, cancellationToken);
        var installer = answer.Obj("authed_user").Str("id");
        logger.Installed(teamId, installer);
        return Results.Text("CheckinBot is installed. Invite it to the channel you share with your client (/invite @CheckinBot), then run /checkin setup @client there.");
    }

    /// <summary>Sent back only to the callback, only over https, never to scripts; Lax lets Slack's redirect carry it.</summary>
    private static CookieOptions Cookie(HttpContext http, TimeSpan? maxAge) => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = http.Request.PathBase + CallbackPath,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static string RedirectUrl(HttpContext http, SlackOptions slack) =>
        slack.RedirectUrl ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CallbackPath}";
}
