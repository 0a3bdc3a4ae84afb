using System.Diagnostics;
using System.Net;
using System.Reflection.PortableExecutable;
using CheckinBot.Deploy.Tests.Published;
using CheckinBot.Testing.Processes;
using CheckinBot.Deploy.Tests.Yaml;

namespace CheckinBot.Deploy.Tests;

/// <summary>The Dockerfile's publish, entry point, environment and health checks, played on this machine (no container engine here).</summary>
[Collection(SharedImageBuild.Name)]
public class PublishedBuildStartsLikeTheImageTests(ImageBuild image)
{
    [Fact]
    public async Task It_becomes_ready_on_sqlite_in_its_data_folder_where_ASPNETCORE_URLS_says()
    {
        using var client = new HttpClient { BaseAddress = image.Host.Address };

        (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(Path.Combine(image.DataFolder, "checkinbot.db")).Should().BeTrue();
    }

    [Fact]
    public void It_writes_nothing_beside_its_binaries()
    {
        image.Content().Should().Equal(image.ContentBeforeStart);
        Directory.Exists(Path.Combine(image.App, "data")).Should().BeFalse();
    }

    [Fact]
    public void Its_assemblies_are_precompiled_so_that_it_starts_without_compiling_them()
    {
        string[] assemblies = ["CheckinBot.Host.dll", "CheckinBot.Storage.dll", "Microsoft.EntityFrameworkCore.dll", "Quartz.dll"];

        assemblies.Where(a => !IsReadyToRun(Path.Combine(image.App, a))).Should().BeEmpty("the publish is ReadyToRun");
    }

    [Fact]
    public void The_playground_is_off_in_the_image()
    {
        Dockerfile.Load().Runtime.Environment["Playground__Enabled"].Should().Be("false");
    }

    [Fact]
    public async Task The_images_health_check_command_passes_against_it()
    {
        var check = HealthCheck.Of(Dockerfile.Load());

        (await RunAsync(check, image.Port)).Should().Be(0);
    }

    [Fact]
    public async Task The_compose_health_check_command_passes_against_it()
    {
        var compose = YamlFile.Load(Repository.Read("deploy/compose.yaml"));
        var check = HealthCheck.Of(compose.At("services", "checkinbot-1"));

        (await RunAsync(check, image.Port)).Should().Be(0);
    }

    [Fact]
    public async Task The_images_health_check_command_fails_where_nothing_listens()
    {
        var check = HealthCheck.Of(Dockerfile.Load());

        (await RunAsync(check, PublishedHost.FreePort())).Should().NotBe(0);
    }

    /// <summary>A ReadyToRun image carries a managed native header beside its IL.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    /// <summary>Runs a health check script with the image's port replaced by the one the host listens on here.</summary>
    private static async Task<int> RunAsync(string script, int port)
    {
        var start = new ProcessStartInfo("bash", ["-c", script.Replace($"/{DockerfileDescribesTheImageTests.Port}", $"/{port}", StringComparison.Ordinal)]);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
