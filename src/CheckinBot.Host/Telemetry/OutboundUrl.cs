using System.Diagnostics;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// What an outbound call's span may say of its address. A Slack <c>response_url</c> is a capability (whoever holds it may
/// answer in the channel), so its path is cut; queries are left out everywhere.
/// </summary>
public static class OutboundUrl
{
    public static void Redact(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return;
        }

        var path = uri.AbsolutePath;
        if (uri.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/commands/", StringComparison.Ordinal) || path.StartsWith("/actions/", StringComparison.Ordinal))
        {
            path = "/" + path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() + "/…";
        }

        activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + path);
    }
}
