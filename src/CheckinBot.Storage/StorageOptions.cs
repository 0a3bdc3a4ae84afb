namespace CheckinBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For PostgreSQL, required; for SQLite, optional (default: <c>checkinbot.db</c> under the data folder).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// When given, the Data Protection keys (which encrypt the Slack tokens) are themselves encrypted with this
    /// certificate before they are stored, so that a copy of the database alone does not reveal the tokens.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? KeyCertificate { get; init; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
