namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// <c>Pings/pings.blind6.tsv</c>: 240 messages (nl/en/fr) from clients of architects, dentists, shops and event planners,
/// by a sixth colleague who saw none of the classifier and none of the other corpora. Measured as a held-out set after
/// blind 1–5 had been used: status precision en 1.00 / fr .97 / nl 1.00, recall .88 / .97 / .88; urgent precision .90 /
/// 1.00 / .83, recall .75 / .75 / .83; other taken for a status check 0% / 2.8% / 0%. Used since; urgent recall is held
/// at 0.90 (French measures 0.92).
/// </summary>
public class SixthBlindCorpusQualityTests : WrittenApartCorpusTests
{
    protected override string FileName => "pings.blind6.tsv";

    protected override int RowsPerLanguage => 80;

    protected override double UrgentRecallTarget => 0.90;

    protected override IReadOnlyCollection<string> VaNames => ["Ina"];
}
