namespace CheckinBot.Slack.Delivery;

/// <summary>
/// Where a slash command's <c>response_url</c> may point: Slack's own <c>https://hooks.slack.com/…</c>, or the host of
/// the configured <c>Slack:ApiBaseUrl</c> (a local fake in tests). The address comes from the request, so anything else
/// is never posted to.
/// </summary>
public static class SlackResponseUrlHosts
{
    public const string SlackHooksHost = "hooks.slack.com";

    /// <summary>True when <paramref name="responseUrl"/> is Slack's hooks host over https, or on the API base's scheme, host and port.</summary>
    public static bool Allows(Uri responseUrl, Uri? apiBase) =>
        responseUrl.IsAbsoluteUri && string.IsNullOrEmpty(responseUrl.UserInfo) &&
        ((responseUrl.Scheme == Uri.UriSchemeHttps && responseUrl.IsDefaultPort &&
          string.Equals(responseUrl.IdnHost, SlackHooksHost, StringComparison.OrdinalIgnoreCase)) ||
         (apiBase is { IsAbsoluteUri: true } api && responseUrl.Scheme == api.Scheme && responseUrl.Port == api.Port &&
          string.Equals(responseUrl.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The same for an address as text: false when it is no absolute URL.</summary>
    public static bool Allows(string? responseUrl, Uri? apiBase) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && Allows(url, apiBase);

    /// <summary>The same with the API base as text too.</summary>
    public static bool Allows(string? responseUrl, string? apiBase) =>
        Allows(responseUrl, Uri.TryCreate(apiBase, UriKind.Absolute, out var api) ? api : null);
}
