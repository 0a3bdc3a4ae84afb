namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// <c>Pings/pings.blind2.tsv</c>: 300 messages (nl/en/fr) by a second colleague who saw neither the classifier, nor the
/// dev corpus, nor the first blind set; four imagined clients per language (terse, formal, emoji-heavy, long-winded).
/// Measured as a held-out set, after the first blind set had been used: status recall en .80 / fr .70 / nl .78, urgent
/// recall .60 / .47 / .47, precision 1.00, no other message taken for a status check. The classifier was improved with
/// general cues after that, so it now guards those gains. Urgent recall is held at 0.85 (Dutch measures 0.87).
/// </summary>
public class SecondBlindCorpusQualityTests : WrittenApartCorpusTests
{
    protected override string FileName => "pings.blind2.tsv";

    protected override int RowsPerLanguage => 100;

    protected override double UrgentRecallTarget => 0.85;

    protected override IReadOnlyCollection<string> VaNames => ["Ina"];
}
