using CheckinBot.Deploy.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests;

public class KubernetesManifestsTests
{
    private static readonly YamlMappingNode Deployment = Manifests.Single("Deployment");

    private static YamlNode PodSpec => Deployment.At("spec", "template", "spec");

    [Fact]
    public void The_deployment_runs_two_replicas_on_postgres()
    {
        Deployment.Text("spec", "replicas").Should().Be("2");
        var env = Manifests.Container.Items("env").ToDictionary(e => e.Text("name"), e => e.Text("value"));
        env.Should().Contain("Storage__Provider", "Postgres");
    }

    [Fact]
    public void Liveness_asks_healthz_and_readiness_asks_readyz_on_the_container_port()
    {
        var port = Manifests.Container.Items("ports").Single();

        Manifests.Container.Text("livenessProbe", "httpGet", "path").Should().Be("/healthz");
        Manifests.Container.Text("readinessProbe", "httpGet", "path").Should().Be("/readyz");
        Manifests.Container.Text("livenessProbe", "httpGet", "port").Should().Be(port.Text("name"));
        Manifests.Container.Text("readinessProbe", "httpGet", "port").Should().Be(port.Text("name"));
        port.Text("containerPort").Should().Be(DockerfileDescribesTheImageTests.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_configuration_comes_from_a_secret_that_holds_no_value()
    {
        var secret = Manifests.Single("Secret");

        Manifests.Container.Items("envFrom").Select(e => e.Text("secretRef", "name")).Should().Equal(secret.Text("metadata", "name"));
        secret.Entries("stringData").Select(e => e.Key).Should().Contain(["Storage__ConnectionString", "Slack__SigningSecret", "Teams__AppPassword"]);
        secret.Entries("stringData").Should().OnlyContain(e => ((YamlScalarNode)e.Value).Value == "", "real values are set at install, never committed");
    }

    [Fact]
    public void A_disruption_budget_keeps_one_of_the_deployments_pods()
    {
        var budget = Manifests.Single("PodDisruptionBudget");

        budget.Text("spec", "minAvailable").Should().Be("1");
        YamlMeaning.Of(budget.At("spec", "selector", "matchLabels")).Should().Be(YamlMeaning.Of(Deployment.At("spec", "template", "metadata", "labels")));
    }

    [Fact]
    public void The_service_sends_to_the_deployments_pods_on_their_named_port()
    {
        var service = Manifests.Single("Service");

        YamlMeaning.Of(service.At("spec", "selector")).Should().Be(YamlMeaning.Of(Deployment.At("spec", "template", "metadata", "labels")));
        service.Items("spec", "ports").Single().Text("targetPort").Should().Be("http");
    }

    [Fact]
    public void Pods_run_as_the_images_non_root_user_on_a_read_only_root_with_tmp_in_memory()
    {
        PodSpec.Text("securityContext", "runAsNonRoot").Should().Be("true");
        PodSpec.Text("securityContext", "runAsUser").Should().Be(DockerfileDescribesTheImageTests.ImageUserId);
        Manifests.Container.Text("securityContext", "readOnlyRootFilesystem").Should().Be("true");
        Manifests.Container.Text("securityContext", "allowPrivilegeEscalation").Should().Be("false");
        var tmp = Manifests.Container.Items("volumeMounts").Single(m => m.Text("mountPath") == "/tmp").Text("name");
        PodSpec.Items("volumes").Single(v => v.Text("name") == tmp).Text("emptyDir", "medium").Should().Be("Memory");
    }
}
