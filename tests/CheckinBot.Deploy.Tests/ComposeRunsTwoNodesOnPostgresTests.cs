using CheckinBot.Deploy.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests;

public class ComposeRunsTwoNodesOnPostgresTests
{
    private static readonly YamlMappingNode Compose = YamlFile.Load(Repository.Read("deploy/compose.yaml"));

    private static IEnumerable<KeyValuePair<string, YamlNode>> Services => Compose.Entries("services");

    private static List<KeyValuePair<string, YamlNode>> BotNodes =>
        Services.Where(s => s.Value.Find("build", "dockerfile") is YamlScalarNode { Value: "deploy/Dockerfile" }).ToList();

    [Fact]
    public void Two_bot_nodes_are_built_from_the_deploy_dockerfile_at_the_repository_root()
    {
        BotNodes.Should().HaveCount(2);
        foreach (var (_, node) in BotNodes)
        {
            var context = Path.GetFullPath(Path.Combine(Repository.PathOf("deploy"), node.Text("build", "context")));
            context.Should().Be(Path.GetFullPath(Repository.Root));
        }
    }

    [Fact]
    public void Both_nodes_use_postgres_with_one_and_the_same_connection_string_to_the_compose_database()
    {
        var connections = BotNodes.Select(n => n.Value.Text("environment", "Storage__ConnectionString")).ToList();

        BotNodes.Should().OnlyContain(n => n.Value.Text("environment", "Storage__Provider") == "Postgres");
        connections.Distinct().Should().ContainSingle().Which.Should().Contain("Host=postgres;");
        Compose.Text("services", "postgres", "image").Should().Be("postgres:15");
    }

    [Fact]
    public void The_database_keeps_its_files_on_a_named_volume()
    {
        var mount = Compose.Items("services", "postgres", "volumes").Cast<YamlScalarNode>().Single().Value!.Split(':');

        mount[1].Should().Be("/var/lib/postgresql/data");
        Compose.Entries("volumes").Select(v => v.Key).Should().Contain(mount[0]);
    }

    [Fact]
    public void No_secret_is_written_in_the_file_only_references_to_the_environment()
    {
        var entries = Services.SelectMany(s => s.Value.Find("environment") is YamlMappingNode env
            ? env.Entries()
            : []).ToList();
        var secrets = entries.Where(e => Secrets.IsSecretKey(e.Key)).ToList();

        secrets.Select(e => e.Key).Should().Contain(["Slack__SigningSecret", "Slack__BotToken", "Teams__AppPassword", "POSTGRES_PASSWORD"]);
        foreach (var (key, value) in secrets)
        {
            var text = ((YamlScalarNode)value).Value!;
            var written = key.Contains("ConnectionString", StringComparison.Ordinal) ? Secrets.PasswordsIn(text).ToList() : [text];
            written.Should().NotBeEmpty().And.OnlyContain(v => Secrets.IsEnvironmentReference(v), $"{key} must come from the environment");
        }
    }

    [Fact]
    public void Every_service_has_a_health_check_and_the_nodes_wait_for_a_healthy_database()
    {
        Services.Should().OnlyContain(s => s.Value.Find("healthcheck", "test") is YamlSequenceNode);
        foreach (var (_, node) in BotNodes)
        {
            string.Join(' ', node.Items("healthcheck", "test").Cast<YamlScalarNode>().Select(t => t.Value)).Should().Contain("/readyz");
            node.Text("depends_on", "postgres", "condition").Should().Be("service_healthy");
        }
    }

    [Fact]
    public void The_second_node_starts_once_the_first_has_migrated_and_is_ready()
    {
        var (first, second) = (BotNodes[0], BotNodes[1]);

        second.Value.Text("depends_on", first.Key, "condition").Should().Be("service_healthy");
        first.Value.Find("depends_on", second.Key).Should().BeNull();
    }

    [Fact]
    public void The_nodes_run_on_a_read_only_root_with_tmp_in_memory()
    {
        foreach (var (_, node) in BotNodes)
        {
            node.Text("read_only").Should().Be("true");
            node.Items("tmpfs").Cast<YamlScalarNode>().Select(t => t.Value).Should().Contain("/tmp");
        }
    }
}
