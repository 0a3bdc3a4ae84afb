namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// <c>Pings/pings.blind7.tsv</c>: 210 messages (nl/en/fr) from seven imagined clients (a restaurant, an estate agent, a
/// podcast, a wedding planner, a law firm, a yoga studio, a start-up), by a seventh colleague who saw none of the
/// classifier and none of the other corpora. Measured as a held-out set after blind 1–6 had been used: status precision
/// en .92 / fr .96 / nl 1.00, recall .82 / .86 / .86; urgent precision 1.00, recall .80 / .60 / .80; other taken for a
/// status check 6.3% / 3.1% / 0%. Used since; urgent recall is held at 0.80 (French measures 0.80, English 0.90).
/// </summary>
public class SeventhBlindCorpusQualityTests : WrittenApartCorpusTests
{
    protected override string FileName => "pings.blind7.tsv";

    protected override int RowsPerLanguage => 70;

    protected override double UrgentRecallTarget => 0.80;

    protected override IReadOnlyCollection<string> VaNames => ["Ina"];
}
