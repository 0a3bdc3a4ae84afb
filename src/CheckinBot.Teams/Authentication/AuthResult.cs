namespace CheckinBot.Teams.Authentication;

/// <summary>What the check of an inbound request found: who sent it, or why it is refused.</summary>
internal sealed record AuthResult
{
    private AuthResult(int status, string? reason, BotCaller? caller)
    {
        Status = status;
        Reason = reason;
        Caller = caller;
    }

    /// <summary>200 when accepted, else 401 or 403.</summary>
    public int Status { get; }

    /// <summary>Why the request is refused, safe to answer with (never the token).</summary>
    public string? Reason { get; }

    public BotCaller? Caller { get; }

    public bool Accepted => Status == 200;

    public static AuthResult Accept(BotCaller caller) => new(200, null, caller);

    public static AuthResult Unauthorized(string reason) => new(401, reason, null);

    public static AuthResult Forbidden(string reason) => new(403, reason, null);
}
