using Microsoft.Data.Sqlite;

namespace CheckinBot.Testing;

/// <summary>
/// A folder of one test's own under the temporary path, for a host's data (SQLite, keys). Disposing it clears SQLite's
/// pools, so no pooled connection holds a file, then removes the folder.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"checkinbot-{purpose}-{Guid.NewGuid():N}");
    }

    public string Path { get; }

    public override string ToString() => Path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A child process that was just killed may still hold a file for a moment; the folder is the system's to
            // clear then, and no test reads it again.
        }
    }
}
