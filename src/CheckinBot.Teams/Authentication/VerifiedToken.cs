namespace CheckinBot.Teams.Authentication;

/// <summary>What a verified token says that is checked again at each use: its key and its lifetime (Unix seconds).</summary>
internal sealed record VerifiedToken(BotCaller Caller, string KeyId, bool IsEntra, long Expires, long? NotBefore);
