using CheckinBot.Pings.Evaluation;

namespace CheckinBot.Host.Tests.Pings;

/// <summary>
/// The shared dev corpus, <c>corpus/pings.dev.tsv</c> in the team's shared folder, which is not in the repository and
/// is never trained on. Found through <c>CHECKINBOT_SHARED</c> (the shared folder's path; <c>.ci/run</c> sets it when
/// <c>../shared</c> exists). Without it the tests that read it skip, with the reason; with it set but the file missing
/// they skip too, unless <c>CHECKINBOT_REQUIRE_SERVICES=1</c>, which turns that into a failure.
/// </summary>
internal static class DevCorpus
{
    public const string SharedVariable = "CHECKINBOT_SHARED";
    public const string RequireServicesVariable = "CHECKINBOT_REQUIRE_SERVICES";
    private const string RelativePath = "corpus/pings.dev.tsv";

    private static readonly Lazy<IReadOnlyList<PingSample>> Samples = new(() => PingCorpus.Parse(File.ReadLines(Locate()!)));

    /// <summary>The dev corpus's rows; skips the calling test (or fails it, in CI) when the corpus is not there.</summary>
    public static IReadOnlyList<PingSample> RowsOrSkip()
    {
        var path = Locate();
        Skip.If(path is null, $"Dev corpus tests skipped: set {SharedVariable} to the shared folder that holds {RelativePath}.");
        if (!File.Exists(path))
        {
            var reason = $"{SharedVariable} is '{Environment.GetEnvironmentVariable(SharedVariable)}', but {path} does not exist.";
            if (Environment.GetEnvironmentVariable(RequireServicesVariable) == "1")
            {
                throw new FileNotFoundException(reason + $" {RequireServicesVariable}=1 forbids skipping.", path);
            }

            Skip.If(true, "Dev corpus tests skipped: " + reason);
        }

        return Samples.Value;
    }

    /// <summary>The configured path of the dev corpus, or null when <c>CHECKINBOT_SHARED</c> is not set.</summary>
    private static string? Locate()
    {
        var shared = Environment.GetEnvironmentVariable(SharedVariable);
        return string.IsNullOrWhiteSpace(shared) ? null : Path.GetFullPath(Path.Combine(shared, RelativePath));
    }
}
