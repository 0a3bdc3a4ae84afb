namespace CheckinBot.Core.Collaborations;

/// <summary>The two sides of an agreement.</summary>
public enum Side
{
    Va,
    Client,
}
