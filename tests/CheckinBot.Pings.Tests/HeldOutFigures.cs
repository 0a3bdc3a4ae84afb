using CheckinBot.Pings.Evaluation;

namespace CheckinBot.Pings.Tests;

/// <summary>How the held-out tests hold a figure to the target or to its named floor.</summary>
internal static class HeldOutFigures
{
    /// <summary>
    /// The folder the variable <c>CHECKINBOT_HELD_OUT_REPORT</c> names for the held-out runs' figures, created; null when
    /// it is not set. <c>.ci/run</c> sets it and prints the figures after the tests, so each CI run records them.
    /// </summary>
    public static string? ReportFolder()
    {
        if (Environment.GetEnvironmentVariable("CHECKINBOT_HELD_OUT_REPORT") is not { Length: > 0 } folder)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The figure of the language is at least (or at most) <paramref name="bound"/>, the target or the floor recorded
    /// where the figures fall short of it; on failure, the language's held-out misreads say why.
    /// </summary>
    public static void Check(PingEvaluationReport report, string language, string figure, Func<LanguageMetrics, double> measure, double bound, double target, bool atLeast)
    {
        var metrics = report.For(language);
        var because = $"{figure} in {language} (target {target}); held-out misreads:\n{report.FormatMisreads(language)}";

        if (atLeast)
        {
            measure(metrics).Should().BeGreaterThanOrEqualTo(bound, because);
        }
        else
        {
            measure(metrics).Should().BeLessThanOrEqualTo(bound, because);
        }
    }
}
