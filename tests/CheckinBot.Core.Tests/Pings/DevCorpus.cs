using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// Finds <c>shared/corpus/pings.dev.tsv</c> by walking up from the test binaries: locally it sits
/// next to the repository's folder under /work, in CI it is cloned as a sibling of the repository.
/// </summary>
internal static class DevCorpus
{
    private const string RelativePath = "shared/corpus/pings.dev.tsv";

    private static readonly Lazy<IReadOnlyList<PingSample>> Samples = new(Load);

    public static IReadOnlyList<PingSample> Rows => Samples.Value;

    public static string Locate()
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativePath), Path.Combine(dir.FullName, "..", RelativePath) })
            {
                var full = Path.GetFullPath(candidate);
                if (File.Exists(full))
                {
                    return full;
                }

                searched.Add(full);
            }
        }

        throw new FileNotFoundException(
            $"The ping dev corpus '{RelativePath}' was not found in any folder above {AppContext.BaseDirectory} "
            + $"(nor beside one). Clone or copy 'shared/' next to the repository. Looked at:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", searched.Distinct()));
    }

    private static IReadOnlyList<PingSample> Load() => PingCorpus.Parse(File.ReadLines(Locate()));
}
