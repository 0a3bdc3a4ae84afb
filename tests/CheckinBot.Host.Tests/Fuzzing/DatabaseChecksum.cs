using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>A hash over every row of every table of the bot's SQLite file: equal hashes, unchanged data.</summary>
public static class DatabaseChecksum
{
    public static async Task<(string Hash, IReadOnlyDictionary<string, int> Rows)> OfAsync(string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "checkinbot.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u241F');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            counts[table] = rows.Count;
            hash.AppendData(Encoding.UTF8.GetBytes(table + "\u241E" + string.Join("\u241E", rows)));
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), counts);
    }
}
