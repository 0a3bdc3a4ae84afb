namespace CheckinBot.Storage.Rows;

/// <summary>An OAuth install in progress: the hash of its state and browser nonce, never the values themselves.</summary>
internal sealed class OAuthStateRow
{
    public string Hash { get; set; } = "";
    public NodaTime.Instant ExpiresAt { get; set; }
}
