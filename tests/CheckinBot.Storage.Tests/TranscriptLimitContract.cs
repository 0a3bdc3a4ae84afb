using CheckinBot.Core.Transcripts;
using NodaTime;

namespace CheckinBot.Storage.Tests;

/// <summary>The transcript keeps only its newest entries, on every provider.</summary>
public abstract class TranscriptLimitContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task Appending_beyond_the_limit_prunes_the_oldest_entries()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var transcript = StorageFixture.Get<ITranscriptStore>(scope);

        for (var i = 1; i <= 7; i++)
        {
            await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "va", $"line {i}", "all", "message"), keep: 5, default);
        }

        (await transcript.ListAsync(0, 100, default)).Select(e => e.Text).Should().Equal("line 3", "line 4", "line 5", "line 6", "line 7");
    }
}

public sealed class SqliteTranscriptLimitTests : TranscriptLimitContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresTranscriptLimitTests : TranscriptLimitContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
