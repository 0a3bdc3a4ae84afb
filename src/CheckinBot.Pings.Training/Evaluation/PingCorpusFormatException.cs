using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>A corpus file that does not follow the <c>id	lang	label	text</c> format.</summary>
public sealed class PingCorpusFormatException : FormatException
{
    public PingCorpusFormatException()
    {
    }

    public PingCorpusFormatException(string message)
        : base(message)
    {
    }

    public PingCorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
