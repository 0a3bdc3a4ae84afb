namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// <c>Pings/pings.blind5.tsv</c>: 270 messages (nl/en/fr) by a fifth colleague who saw none of the classifier and none of
/// the other corpora, asked for urgent messages of which about two thirds say so outright. Measured as a held-out set
/// after blind 1–4 had been used: status precision en 1.00 / fr .94 / nl .97, recall .86 / .81 / .92; urgent precision
/// 1.00, recall .71 / .64 / .86; other taken for a status check 0% / 5.0% / 2.5%. Used since; urgent recall is held at
/// 0.85 (French measures 0.86).
/// </summary>
public class FifthBlindCorpusQualityTests : WrittenApartCorpusTests
{
    protected override string FileName => "pings.blind5.tsv";

    protected override int RowsPerLanguage => 90;

    protected override double UrgentRecallTarget => 0.85;

    protected override IReadOnlyCollection<string> VaNames => ["Ina"];
}
