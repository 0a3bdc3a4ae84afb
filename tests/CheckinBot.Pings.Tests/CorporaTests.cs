using CheckinBot.Core.Pings;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests;

public class CorporaTests
{
    private static IEnumerable<(string Corpus, CheckinBot.Pings.Evaluation.PingSample Sample)> Rows =>
        Corpora.All.SelectMany(c => c.Samples.Select(s => (c.Name, s)));

    [Fact]
    public void There_are_at_least_six_thousand_labelled_rows_in_dutch_english_and_french()
    {
        Rows.Should().HaveCountGreaterThanOrEqualTo(6000);
        Rows.Select(r => r.Sample.Language).Distinct().Should().BeEquivalentTo(["nl", "en", "fr"]);
    }

    [Fact]
    public void At_least_a_third_are_hard_negatives()
    {
        Rows.Count(r => r.Sample.Expected == PingClass.Other).Should().BeGreaterThanOrEqualTo(Rows.Count() / 3);
    }

    [Fact]
    public void At_least_a_tenth_are_urgent_and_half_of_those_say_so_without_an_urgent_word()
    {
        var urgent = Rows.Where(r => r.Sample.Expected == PingClass.Urgent).ToList();
        var withoutWord = urgent.Count(r => !TextNormalizer.Normalize(r.Sample.Text).Tokens.Any(PingRules.IsUrgentWord));

        urgent.Should().HaveCountGreaterThanOrEqualTo(Rows.Count() / 10);
        withoutWord.Should().BeGreaterThanOrEqualTo(urgent.Count / 2);
    }

    [Fact]
    public void Every_corpus_says_in_its_header_how_it_was_written_and_that_it_was_written_apart()
    {
        foreach (var file in Directory.GetFiles(Corpora.Folder, "*.tsv"))
        {
            var header = File.ReadLines(file).TakeWhile(l => l.StartsWith('#')).ToList();

            header.Should().Contain(l => l.Contains("brief", StringComparison.OrdinalIgnoreCase), Path.GetFileName(file));
            header.Should().Contain(l => l.Contains("written apart", StringComparison.OrdinalIgnoreCase), Path.GetFileName(file));
        }
    }
}
