using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>The targets on the shared development corpus.</summary>
public class DevCorpusQualityTests : CorpusQualityTests
{
    protected override IReadOnlyList<PingSample> Rows => DevCorpus.Rows;

    [Fact]
    public void The_dev_corpus_is_found_and_covers_all_three_languages()
    {
        DevCorpus.Rows.Should().HaveCountGreaterThan(300);
        DevCorpus.Rows.Select(r => r.Language).Distinct().Should().BeEquivalentTo(["nl", "en", "fr"]);
    }
}
