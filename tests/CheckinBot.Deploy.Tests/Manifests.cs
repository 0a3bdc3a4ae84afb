using CheckinBot.Deploy.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests;

/// <summary>The plain Kubernetes manifests in deploy/kubernetes, by kind.</summary>
internal static class Manifests
{
    public static IReadOnlyList<YamlMappingNode> All { get; } = Directory.GetFiles(Repository.PathOf("deploy/kubernetes"), "*.yaml")
        .Order(StringComparer.Ordinal)
        .SelectMany(f => YamlFile.LoadAll(File.ReadAllText(f)))
        .ToList();

    public static YamlMappingNode Single(string kind) => All.Single(m => m.Text("kind") == kind);

    public static YamlNode Container => Single("Deployment").Items("spec", "template", "spec", "containers").Single();
}
