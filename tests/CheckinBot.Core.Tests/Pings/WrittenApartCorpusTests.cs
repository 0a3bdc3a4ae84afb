using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// A corpus written apart from the dev corpus and kept next to the tests under <c>Pings/</c>, with the same number of
/// rows in each language; the derived classes say who wrote it, what it measured before it was used, and which targets
/// it holds.
/// </summary>
public abstract class WrittenApartCorpusTests : CorpusQualityTests
{
    private readonly Lazy<IReadOnlyList<PingSample>> rows;

    protected WrittenApartCorpusTests()
    {
        rows = new(() => Load(FileName));
    }

    protected abstract string FileName { get; }

    protected abstract int RowsPerLanguage { get; }

    protected override IReadOnlyList<PingSample> Rows => rows.Value;

    [Fact]
    public void The_corpus_covers_all_three_languages_evenly()
    {
        Rows.GroupBy(r => r.Language).Select(g => (g.Key, g.Count()))
            .Should().BeEquivalentTo(new[] { ("nl", RowsPerLanguage), ("en", RowsPerLanguage), ("fr", RowsPerLanguage) });
    }
}
