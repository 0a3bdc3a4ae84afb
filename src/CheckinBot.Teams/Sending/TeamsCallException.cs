using System.Net;

namespace CheckinBot.Teams.Sending;

/// <summary>A call to Teams (connector or token endpoint) that failed after its retries.</summary>
public class TeamsCallException : Exception
{
    public TeamsCallException()
    {
    }

    public TeamsCallException(string message)
        : base(message)
    {
    }

    public TeamsCallException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TeamsCallException(HttpStatusCode status, string? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode? Status { get; }

    /// <summary>The connector's error code (<c>error.code</c>), when it gave one.</summary>
    public string? Code { get; }
}
