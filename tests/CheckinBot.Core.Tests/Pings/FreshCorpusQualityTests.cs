using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// The same per-language targets on <c>Pings/pings.fresh.tsv</c>: 240 messages (nl/en/fr) written apart from the dev
/// corpus, with typos, chat shorthand and hard negatives. It guards against regressions in phrasings the dev corpus
/// does not have; it was used while improving the classifier, so it is no substitute for a truly held-out set.
/// </summary>
public class FreshCorpusQualityTests : CorpusQualityTests
{
    private static readonly Lazy<IReadOnlyList<PingSample>> Fresh =
        new(() => PingCorpus.Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Pings", "pings.fresh.tsv"))));

    protected override IReadOnlyList<PingSample> Rows => Fresh.Value;

    [Fact]
    public void The_fresh_corpus_covers_all_three_languages()
    {
        Fresh.Value.GroupBy(r => r.Language).Select(g => (g.Key, g.Count())).Should().BeEquivalentTo(new[] { ("nl", 80), ("en", 80), ("fr", 80) });
    }
}
