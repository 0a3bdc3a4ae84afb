using System.Xml.Linq;
using CheckinBot.Testing;

namespace CheckinBot.Core.Tests;

/// <summary>The host wires everything and nothing depends on it; tests share fakes through the kit, not through linked files.</summary>
public class ProjectReferenceTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Select(p => Path.GetRelativePath(Root, p))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(project);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Only_the_host_tests_reference_the_host(string project)
    {
        var references = Items(project, "ProjectReference").Select(r => Path.GetFileName(r.Replace('\\', '/')));

        if (!project.Replace('\\', '/').StartsWith("tests/CheckinBot.Host.Tests/", StringComparison.Ordinal))
        {
            references.Should().NotContain("CheckinBot.Host.csproj", "the host wires everything and nothing depends on it (the host's own tests aside)");
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_project_compiles_another_projects_source_files(string project)
    {
        Items(project, "Compile").Should().NotContain(include => include.StartsWith("..", StringComparison.Ordinal),
            "shared test code lives in tests/CheckinBot.Testing and is referenced as a project");
    }

    private static IEnumerable<string> Items(string project, string kind) =>
        XDocument.Load(Path.Combine(Root, project)).Descendants(kind)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .SelectMany(i => i.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

}
