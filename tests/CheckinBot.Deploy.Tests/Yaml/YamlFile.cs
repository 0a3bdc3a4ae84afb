using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests.Yaml;

/// <summary>Parses YAML as Compose and Kubernetes read it: anchors, aliases and <c>&lt;&lt;</c> merge keys resolved.</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(string text) => LoadAll(text).Single();

    public static IReadOnlyList<YamlMappingNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value ?? "";

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) => ((YamlSequenceNode)node.At(path)).Children;

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node, params string[] path) =>
        ((YamlMappingNode)node.At(path)).Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", c.Value));
}
