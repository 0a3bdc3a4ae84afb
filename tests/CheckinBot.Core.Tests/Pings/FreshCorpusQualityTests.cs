namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// The same per-language targets on <c>Pings/pings.fresh.tsv</c>: 240 messages (nl/en/fr) written apart from the dev
/// corpus, with typos, chat shorthand and hard negatives. It guards against regressions in phrasings the dev corpus
/// does not have; it was used while improving the classifier, so it is no substitute for a truly held-out set.
/// </summary>
public class FreshCorpusQualityTests : WrittenApartCorpusTests
{
    protected override string FileName => "pings.fresh.tsv";

    protected override int RowsPerLanguage => 80;
}
