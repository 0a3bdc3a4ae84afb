using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams;

/// <summary>Every log line of the Teams adapter: ids and reasons, never message texts or tokens.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(1, LogLevel.Information, "Teams signing keys refreshed from {MetadataUrl}: {Count} keys")]
    public static partial void KeysRefreshed(this ILogger logger, string metadataUrl, int count);

    [LoggerMessage(2, LogLevel.Warning, "Teams signing keys could not be read from {MetadataUrl}: {Error}")]
    public static partial void KeysUnreadable(this ILogger logger, string metadataUrl, string error);

    [LoggerMessage(3, LogLevel.Information, "Teams request refused ({Status}): {Reason}")]
    public static partial void Refused(this ILogger logger, int status, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Teams activity {ActivityId} of type {Type} in conversation {ConversationId}")]
    public static partial void Received(this ILogger logger, string? activityId, string? type, string? conversationId);

    [LoggerMessage(5, LogLevel.Debug, "A Teams request's body was cut off by the client")]
    public static partial void BodyCutOff(this ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Teams conversation {ConversationId} is unreachable: the bot was blocked or removed")]
    public static partial void Unreachable(this ILogger logger, string conversationId);

    [LoggerMessage(7, LogLevel.Warning, "Teams call {Method} {Operation} failed with {Status} {Code}")]
    public static partial void CallFailed(this ILogger logger, string method, string operation, int status, string? code);

    [LoggerMessage(8, LogLevel.Information, "Teams personal conversation could not be opened for {PersonId}; posting in {ConversationId} instead")]
    public static partial void DirectFallback(this ILogger logger, string personId, string? conversationId);

    [LoggerMessage(9, LogLevel.Warning, "Teams token could not be obtained from the token endpoint: {Status}")]
    public static partial void TokenFailed(this ILogger logger, int status);

    [LoggerMessage(10, LogLevel.Warning, "Teams card action {ActivityId} failed: {Error}")]
    public static partial void ActionFailed(this ILogger logger, string? activityId, string error);

    [LoggerMessage(11, LogLevel.Warning, "Teams call {Operation} refused before it was built: the service URL of tenant {TenantId}, conversation {ConversationId}, is not allowed")]
    public static partial void ServiceUrlRefused(this ILogger logger, string operation, string? tenantId, string? conversationId);

    [LoggerMessage(12, LogLevel.Warning, "Occurrence {OccurrenceKey} was being sent to Teams when its worker stopped; Teams cannot say whether it arrived, so it is sent again and may show twice")]
    public static partial void SendUnconfirmed(this ILogger logger, string occurrenceKey);
}
