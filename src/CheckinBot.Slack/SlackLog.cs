using CheckinBot.Core.Messages;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack;

/// <summary>Everything the Slack adapter logs: ids and outcomes, never message texts or tokens.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(LogLevel.Debug, "Slack command from {UserId} in {TeamId}/{ChannelId}")]
    public static partial void Command(this ILogger logger, string userId, string teamId, string channelId);

    [LoggerMessage(LogLevel.Debug, "Slack event {EventId} ({EventType}) in {TeamId}: {Outcome}")]
    public static partial void Event(this ILogger logger, string? eventId, string? eventType, string? teamId, string outcome);

    [LoggerMessage(LogLevel.Debug, "Slack action {ActionId} from {UserId} in {TeamId}/{ChannelId}")]
    public static partial void Action(this ILogger logger, string? actionId, string userId, string teamId, string channelId);

    [LoggerMessage(LogLevel.Warning, "Slack refused the search in {TeamId}/{ChannelId} for earlier posts of {Occurrences} occurrences ({Error}); they are not posted until a search succeeds")]
    public static partial void SearchRefused(this ILogger logger, int occurrences, string teamId, string channelId, string error);

    [LoggerMessage(LogLevel.Information, "Looked up {Occurrences} occurrences in one history read of {TeamId}/{ChannelId}: {Found} posted before")]
    public static partial void LookedUp(this ILogger logger, int occurrences, int found, string teamId, string channelId);

    [LoggerMessage(LogLevel.Information, "Answered {Kind} to {UserId} through the command's response_url: the bot is not in {TeamId}/{ChannelId}")]
    public static partial void AnsweredOutsideChannel(this ILogger logger, MessageKind kind, string userId, string teamId, string channelId);

    [LoggerMessage(LogLevel.Warning, "The turn queue stayed full for the acknowledgement budget; answering busy")]
    public static partial void Busy(this ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Ignored the response_url of a command from {UserId} in {TeamId}/{ChannelId}: not a Slack host")]
    public static partial void ResponseUrlRefused(this ILogger logger, string userId, string teamId, string channelId);

    [LoggerMessage(LogLevel.Warning, "Refused a Slack request to {Path} with a missing, wrong or stale signature")]
    public static partial void BadSignature(this ILogger logger, string path);

    [LoggerMessage(LogLevel.Debug, "A Slack request's body was cut off: {Reason}")]
    public static partial void BodyAborted(this ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Removed the Slack installation of {TeamId} (event {EventId})")]
    public static partial void Uninstalled(this ILogger logger, string teamId, string? eventId);

    [LoggerMessage(LogLevel.Information, "Installed into Slack workspace {TeamId} by {UserId}")]
    public static partial void Installed(this ILogger logger, string teamId, string? userId);

    [LoggerMessage(LogLevel.Warning, "Slack refused the OAuth code exchange: {Error}")]
    public static partial void OAuthRefused(this ILogger logger, string error);

    [LoggerMessage(LogLevel.Error, "No installation store is registered; cannot keep the Slack installation of {TeamId}")]
    public static partial void NoInstallationStore(this ILogger logger, string teamId);

    [LoggerMessage(LogLevel.Warning, "Could not read the Slack profile of {UserId} in {TeamId}: {Error}")]
    public static partial void ProfileFailed(this ILogger logger, string userId, string teamId, string error);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} is rate limited; retry after {RetryAfter}")]
    public static partial void RateLimited(this ILogger logger, string method, TimeSpan? retryAfter);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} answered HTTP {Status} without JSON")]
    public static partial void NotJson(this ILogger logger, string method, int status);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} answered ok:false ({Error})")]
    public static partial void NotOk(this ILogger logger, string method, string error);

    [LoggerMessage(LogLevel.Debug, "Posted an ephemeral {Kind} for {UserId} in {TeamId}/{ChannelId}")]
    public static partial void PostedEphemeral(this ILogger logger, MessageKind kind, string userId, string teamId, string channelId);

    [LoggerMessage(LogLevel.Information, "Posted {Kind} {MessageTs} in {TeamId}/{ChannelId}")]
    public static partial void Posted(this ILogger logger, MessageKind kind, string messageTs, string teamId, string channelId);

    [LoggerMessage(LogLevel.Warning, "Could not open a Socket Mode connection ({Error}); trying again in {Wait}")]
    public static partial void SocketOpenFailed(this ILogger logger, string error, TimeSpan wait);

    [LoggerMessage(LogLevel.Information, "Socket Mode connection ended ({Reason}); opening another")]
    public static partial void SocketEnded(this ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Socket Mode connection was silent for {Silence}; reconnecting")]
    public static partial void SocketSilent(this ILogger logger, TimeSpan silence);

    [LoggerMessage(LogLevel.Warning, "Socket Mode sent a frame that is not JSON")]
    public static partial void SocketNotJson(this ILogger logger);

    [LoggerMessage(LogLevel.Information, "Socket Mode connection is ready")]
    public static partial void SocketReady(this ILogger logger);

    [LoggerMessage(LogLevel.Information, "Socket Mode asked to reconnect ({Reason})")]
    public static partial void SocketDisconnect(this ILogger logger, string? reason);

    [LoggerMessage(LogLevel.Error, "Socket Mode envelope {EnvelopeId} ({Type}) failed")]
    public static partial void EnvelopeFailed(this ILogger logger, Exception exception, string? envelopeId, string type);
}
