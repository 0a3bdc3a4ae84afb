using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// <c>Pings/pings.blind2.tsv</c>: 300 messages (nl/en/fr) by a second colleague who saw neither the classifier, nor the
/// dev corpus, nor the first blind set; four imagined clients per language (terse, formal, emoji-heavy, long-winded).
/// Measured as a held-out set, after the first blind set had been used: status recall en .80 / fr .70 / nl .78, urgent
/// recall .60 / .47 / .47, precision 1.00, no other message taken for a status check. The classifier was improved with
/// general cues after that, so it now guards those gains. Urgent recall is held at 0.80 (Dutch measured 0.80).
/// </summary>
public class SecondBlindCorpusQualityTests : CorpusQualityTests
{
    private static readonly Lazy<IReadOnlyList<PingSample>> Blind = new(() => Load("pings.blind2.tsv"));

    protected override IReadOnlyList<PingSample> Rows => Blind.Value;

    protected override double UrgentRecallTarget => 0.80;

    protected override IReadOnlyCollection<string> VaNames => ["Ina"];

    [Fact]
    public void The_second_blind_corpus_covers_all_three_languages()
    {
        Blind.Value.GroupBy(r => r.Language).Select(g => (g.Key, g.Count())).Should().BeEquivalentTo(new[] { ("nl", 100), ("en", 100), ("fr", 100) });
    }
}
