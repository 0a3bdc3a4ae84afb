using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests.Yaml;

/// <summary>
/// Renders the chart's templates the way <c>helm template</c> would, for the small part of Go templates the chart uses:
/// <c>{{ .Values.a.b }}</c>, <c>{{ .Release.Name }}</c>, <c>{{ .Chart.Name }}</c>, each optionally piped to <c>quote</c>.
/// Anything else in a template fails the render, so the chart cannot grow past what this checks.
/// </summary>
internal sealed partial class ChartRenderer(string chartFolder, string releaseName)
{
    private readonly YamlMappingNode values = YamlFile.Load(File.ReadAllText(Path.Combine(chartFolder, "values.yaml")));
    private readonly YamlMappingNode chart = YamlFile.Load(File.ReadAllText(Path.Combine(chartFolder, "Chart.yaml")));

    public IEnumerable<string> Templates => Directory.GetFiles(Path.Combine(chartFolder, "templates"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order();

    public string Render(string template) =>
        Action().Replace(File.ReadAllText(Path.Combine(chartFolder, "templates", template)), m => Evaluate(m.Groups["expr"].Value, template));

    private string Evaluate(string expression, string template)
    {
        var pipeline = expression.Split('|', StringSplitOptions.TrimEntries);
        if (pipeline.Length > 2 || (pipeline.Length == 2 && pipeline[1] != "quote"))
        {
            throw new NotSupportedException($"{template}: '{{{{ {expression} }}}}' is outside the template subset this renderer knows.");
        }

        var value = pipeline[0] switch
        {
            ".Release.Name" => releaseName,
            ".Chart.Name" => chart.Text("name"),
            var path when path.StartsWith(".Values.", StringComparison.Ordinal) => values.Text(path[".Values.".Length..].Split('.')),
            _ => throw new NotSupportedException($"{template}: '{{{{ {expression} }}}}' is outside the template subset this renderer knows."),
        };
        return pipeline.Length == 2 ? Quote(value) : value;
    }

    /// <summary>Go's <c>quote</c>: a double-quoted string with backslashes and quotes escaped.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\{\{\s*(?<expr>.*?)\s*\}\}")]
    private static partial Regex Action();
}
