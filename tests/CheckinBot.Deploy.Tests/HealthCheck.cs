using CheckinBot.Deploy.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace CheckinBot.Deploy.Tests;

/// <summary>The health check commands of the image and of compose, as the bash scripts they run.</summary>
internal static class HealthCheck
{
    /// <summary>The script of the Dockerfile's <c>HEALTHCHECK … CMD ["bash", "-c", script]</c>.</summary>
    public static string Of(Dockerfile image)
    {
        var arguments = image.Runtime.Single("HEALTHCHECK");
        var exec = Dockerfile.ExecForm(arguments[(arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]);
        exec.Take(2).Should().Equal("bash", "-c");
        return exec[2];
    }

    /// <summary>The script of a compose service's <c>healthcheck.test: ["CMD", "bash", "-c", script]</c>.</summary>
    public static string Of(YamlNode service)
    {
        var test = service.Items("healthcheck", "test").Cast<YamlScalarNode>().Select(t => t.Value!).ToList();
        test.Take(3).Should().Equal("CMD", "bash", "-c");
        return test[3];
    }
}
