using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Host.Tests.Pings;

/// <summary>
/// Finds <c>shared/corpus/pings.dev.tsv</c> by walking up from the test binaries, like the core tests do:
/// locally it sits next to the repository's folder under /work, in CI it is cloned as a sibling of the repository.
/// </summary>
internal static class DevCorpusFile
{
    private const string RelativePath = "shared/corpus/pings.dev.tsv";

    public static IReadOnlyList<PingSample> Read() => PingCorpus.Parse(File.ReadLines(Locate()));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativePath), Path.Combine(dir.FullName, "..", RelativePath) })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new FileNotFoundException($"The ping dev corpus '{RelativePath}' was not found in any folder above {AppContext.BaseDirectory} (nor beside one).");
    }
}
