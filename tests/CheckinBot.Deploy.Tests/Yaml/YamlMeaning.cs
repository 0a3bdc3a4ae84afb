using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests.Yaml;

/// <summary>
/// What a YAML document means, as indented JSON with sorted keys: two documents mean the same when these are equal,
/// whatever their comments, key order or quoting. A plain <c>2</c> is a number, a quoted <c>"2"</c> a string.
/// </summary>
internal static class YamlMeaning
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of(YamlNode node) => ToJson(node)?.ToJsonString(Indented) ?? "null";

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children
            .Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))
            .OrderBy(e => e.Key, StringComparer.Ordinal)),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }
}
