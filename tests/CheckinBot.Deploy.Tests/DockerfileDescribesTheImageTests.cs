using System.Globalization;
using System.Xml.Linq;

namespace CheckinBot.Deploy.Tests;

public class DockerfileDescribesTheImageTests
{
    /// <summary>The uid of the "app" user that Microsoft's .NET images create (<c>$APP_UID</c>).</summary>
    public const string ImageUserId = "1654";

    private static readonly Dockerfile Image = Dockerfile.Load();

    /// <summary>The port the image listens on and exposes.</summary>
    public static int Port => int.Parse(Image.Runtime.Single("EXPOSE"), CultureInfo.InvariantCulture);

    [Fact]
    public void The_sdk_image_publishes_the_host_and_the_aspnet_image_runs_it()
    {
        Image.Stages.Should().HaveCount(2);
        Image.Build.From.Should().Be("mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        Image.Build.All("RUN").Should().Contain(r => r.StartsWith("dotnet publish src/CheckinBot.Host -c Release", StringComparison.Ordinal));
        Image.Runtime.From.Should().Be("mcr.microsoft.com/dotnet/aspnet:10.0");
        Image.Runtime.Single("COPY").Should().Be("--from=build /app .");
        Dockerfile.ExecForm(Image.Runtime.Single("ENTRYPOINT")).Should().Equal("dotnet", "CheckinBot.Host.dll");
    }

    [Fact]
    public void The_image_runs_as_its_non_root_user_who_owns_only_the_data_folder()
    {
        Image.Runtime.Single("USER").Should().Be("$APP_UID");
        Image.Runtime.All("RUN").Should().Equal("mkdir /data && chown \"$APP_UID\" /data");
        Image.Runtime.Environment["DataFolder"].Should().Be("/data");
        Image.Runtime.Single("VOLUME").Should().Be("/data");
    }

    [Fact]
    public void It_listens_on_the_port_it_exposes_and_its_health_check_asks_healthz_there()
    {
        new Uri(Image.Runtime.Environment["ASPNETCORE_URLS"].Replace("+", "localhost", StringComparison.Ordinal)).Port.Should().Be(Port);
        var check = HealthCheck.Of(Image);
        check.Should().Contain("/healthz").And.Contain($"/dev/tcp/127.0.0.1/{Port}");
    }

    [Fact]
    public void The_restore_layer_copies_every_project_the_host_builds_from()
    {
        var copied = Image.Build.All("COPY").SelectMany(c => c.Split(' ')[..^1]).ToHashSet();

        copied.Should().Contain(ProjectsOf("src/CheckinBot.Host/CheckinBot.Host.csproj"));
        // The analyzers read .editorconfig: without it the same code fails the Release build in the image.
        copied.Should().Contain(["global.json", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", ".editorconfig"]);
    }

    /// <summary>The project and every project it references, transitively, as paths from the repository root.</summary>
    private static HashSet<string> ProjectsOf(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(next)).Descendants("ProjectReference"))
            {
                var path = Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                pending.Push(path.Replace('\\', '/'));
            }
        }

        return found;
    }
}
