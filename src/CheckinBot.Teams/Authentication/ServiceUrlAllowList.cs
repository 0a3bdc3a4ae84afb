using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// The service URLs the bot's token may travel to: https on the Bot Framework's own hosts (public Teams, GCC, GCC High,
/// DoD, and the Bot Framework channel services), plus the base URLs listed in <c>Teams:AllowedServiceUrls</c>. An
/// activity naming any other service URL is refused, never remembered, and never answered.
/// </summary>
internal sealed class ServiceUrlAllowList(IOptions<TeamsOptions> options)
{
    /// <summary>Hosts the Teams channel posts from, in the public and the US government clouds.</summary>
    private static readonly string[] Hosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>Domains whose every host is the Bot Framework's (public cloud, and Azure Government's channel service).</summary>
    private static readonly string[] Domains = [".botframework.com", ".botframework.azure.us"];

    /// <summary>How many answers are remembered: a tenant's service URL is one of a few, but an activity may name any.</summary>
    private const int RememberAtMost = 1_024;

    private readonly IReadOnlyList<Uri> configured = [.. options.Value.AllowedServiceUrls.Select(BaseOf).OfType<Uri>()];

    /// <summary>The answers given so far: every activity and every send asks about the same few service URLs.</summary>
    private readonly ConcurrentDictionary<string, bool> answers = new(StringComparer.Ordinal);

    private int remembered;

    /// <summary>True when the bot may send its token to <paramref name="serviceUrl"/>.</summary>
    public bool Allows(string? serviceUrl)
    {
        if (serviceUrl is null)
        {
            return false;
        }

        if (answers.TryGetValue(serviceUrl, out var known))
        {
            return known;
        }

        var allowed = Decide(serviceUrl);
        if (Interlocked.Increment(ref remembered) > RememberAtMost)
        {
            answers.Clear();
            Interlocked.Exchange(ref remembered, 0);
        }

        answers.TryAdd(serviceUrl, allowed);
        return allowed;
    }

    private bool Decide(string serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return IsBotFramework(uri) || configured.Any(allowed => IsUnder(uri, allowed));
    }

    /// <summary>A configured base URL, made to end with a slash so that it matches whole path segments; null when not a URL.</summary>
    public static Uri? BaseOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
    }

    private static bool IsBotFramework(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return Hosts.Contains(host, StringComparer.Ordinal) || Domains.Any(domain => host.EndsWith(domain, StringComparison.Ordinal));
    }

    private static bool IsUnder(Uri uri, Uri allowed)
    {
        if (uri.Scheme != allowed.Scheme || uri.Port != allowed.Port ||
            !string.Equals(uri.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return path.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal);
    }
}
