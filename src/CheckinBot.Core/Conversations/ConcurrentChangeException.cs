namespace CheckinBot.Core.Conversations;

/// <summary>
/// A store refused a write because another turn changed the same rows since they were read (a concurrency token, or a
/// number another turn took at the same moment). Nothing of that write was kept; the turn may run again.
/// </summary>
public sealed class ConcurrentChangeException : Exception
{
    public ConcurrentChangeException()
        : base("Another turn changed the same data at the same moment.")
    {
    }

    public ConcurrentChangeException(string message)
        : base(message)
    {
    }

    public ConcurrentChangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
