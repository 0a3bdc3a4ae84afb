namespace CheckinBot.Slack.WebApi;

/// <summary>Slack answered <c>ok:false</c> (or could not be understood); <see cref="Error"/> is Slack's error code.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        RetryAfter = retryAfter;
    }

    public SlackApiException()
        : this("unknown", "unknown_error")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown_error";
    }

    /// <summary>The Web API method that failed, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>not_in_channel</c>, <c>ratelimited</c>.</summary>
    public string Error { get; }

    /// <summary>For <c>ratelimited</c>: how long Slack asked to wait.</summary>
    public TimeSpan? RetryAfter { get; }
}
