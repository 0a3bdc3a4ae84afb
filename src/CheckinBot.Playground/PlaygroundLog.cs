using Microsoft.Extensions.Logging;

namespace CheckinBot.Playground;

internal static partial class PlaygroundLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The playground is on in the {Environment} environment: its page and API at / and /playground/api/ have no authentication. It is a development tool; set Playground:Enabled=false unless this host is only yours.")]
    public static partial void PlaygroundOutsideDevelopment(this ILogger logger, string environment);
}
