using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;

namespace CheckinBot.Pings.Tests;

public class PingEvaluationTests
{
    /// <summary>Reads what the tests below need: a question is a status check, capitals are urgent.</summary>
    private sealed class MarkClassifier : IPingClassifier
    {
        public PingVerdict Classify(string text, string? language = null, PingAddressees? addressees = null, OpenWork? openWork = null, bool followsUrgent = false) =>
            new(text.Contains("URGENT", StringComparison.Ordinal) ? PingClass.Urgent : text.EndsWith('?') ? PingClass.StatusCheck : PingClass.Other, language ?? "en", ["mark"]);
    }

    private static readonly string[] Corpus =
    [
        "id\tlang\tlabel\ttext",
        "a1\ten\tstatus_check\tAny update?",
        "a2\ten\turgent\tURGENT: site is down",
        "a3\ten\tother\tThanks!",
        "a4\tnl\tstatus_check\tVergeet de PDF niet in Arial 11!",
        "a5\tnl\tother\tDank je",
    ];

    [Fact]
    public void Per_language_metrics_and_misreads_come_from_one_pass()
    {
        var report = PingEvaluation.Evaluate(PingCorpus.Parse(Corpus), new MarkClassifier());

        report.For("en").StatusPrecision.Should().Be(1.0);
        report.For("en").UrgentRecall.Should().Be(1.0);
        report.For("nl").StatusRecall.Should().Be(0.0);
        report.Overall.Confusion[PingClass.StatusCheck, PingClass.Other].Should().Be(1);
        report.Misreads.Should().ContainSingle().Which.Sample.Id.Should().Be("a4");
        report.Format().Should().Contain("a4\tnl\texpected status_check\tgot other");
    }

    [Fact]
    public void Comment_lines_before_the_header_are_skipped_and_name_the_va()
    {
        string[] lines = ["# Brief: short pings.", "# va: Ina", .. Corpus];

        PingCorpus.Parse(lines).Should().HaveCount(5);
        PingCorpus.VaNamesOf(lines).Should().Equal("Ina");
    }

    [Fact]
    public void A_tasks_header_gives_the_vas_open_tasks_titles()
    {
        string[] lines = ["# Brief: questions about her tasks, written apart.", "# va: Ina", "# tasks: Newsletter PDF; Invoices March;  Book the photographer", .. Corpus];

        PingCorpus.OpenTasksOf(lines).Should().Equal("Newsletter PDF", "Invoices March", "Book the photographer");
        PingCorpus.OpenTasksOf(Corpus).Should().BeEmpty();
        PingCorpus.Parse(lines).Should().HaveCount(5);
    }

    [Fact]
    public void A_wrong_header_is_rejected()
    {
        var parse = () => PingCorpus.Parse(["id,lang,label,text", "x\ten\tother\thi"]);

        parse.Should().Throw<PingCorpusFormatException>().WithMessage("*header*");
    }

    [Fact]
    public void An_unknown_label_is_rejected_with_its_line()
    {
        var parse = () => PingCorpus.Parse(["id\tlang\tlabel\ttext", "x\ten\tspam\thi"]);

        parse.Should().Throw<PingCorpusFormatException>().WithMessage("line 2*spam*");
    }
}
