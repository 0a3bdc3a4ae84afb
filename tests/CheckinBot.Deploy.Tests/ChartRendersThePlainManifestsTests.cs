using CheckinBot.Deploy.Tests.Yaml;

namespace CheckinBot.Deploy.Tests;

public class ChartRendersThePlainManifestsTests
{
    private static readonly ChartRenderer Chart = new(Repository.PathOf("deploy/helm/checkinbot"), releaseName: "checkinbot");

    public static TheoryData<string> Templates => new(Chart.Templates);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_rendered_with_the_default_values_means_what_its_plain_manifest_says(string template)
    {
        var rendered = YamlFile.Load(Chart.Render(template));
        var plain = YamlFile.Load(Repository.Read($"deploy/kubernetes/{template}"));

        YamlMeaning.Of(rendered).Should().Be(YamlMeaning.Of(plain));
    }

    [Fact]
    public void Every_plain_manifest_comes_from_a_template()
    {
        Directory.GetFiles(Repository.PathOf("deploy/kubernetes"), "*.yaml").Select(Path.GetFileName).Should().BeEquivalentTo(Chart.Templates);
    }

    [Fact]
    public void A_value_set_at_install_reaches_the_manifest_quoted()
    {
        var folder = Directory.CreateTempSubdirectory("checkinbot-chart-");
        try
        {
            CopyChart(Repository.PathOf("deploy/helm/checkinbot"), folder.FullName);
            var values = Path.Combine(folder.FullName, "values.yaml");
            File.WriteAllText(values, File.ReadAllText(values).Replace("slackSigningSecret: \"\"", "slackSigningSecret: 'a\"b'", StringComparison.Ordinal));

            var secret = YamlFile.Load(new ChartRenderer(folder.FullName, "bot").Render("secret.yaml"));

            secret.Text("stringData", "Slack__SigningSecret").Should().Be("a\"b");
            secret.Text("metadata", "name").Should().Be("bot-config");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void CopyChart(string from, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, "templates"));
        foreach (var file in Directory.GetFiles(from, "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
