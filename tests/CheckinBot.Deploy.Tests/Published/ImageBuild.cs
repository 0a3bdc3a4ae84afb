using CheckinBot.Testing.Processes;

namespace CheckinBot.Deploy.Tests.Published;

/// <summary>
/// The Dockerfile's build stage, played on this machine once per test run: its COPY lines fill a build context
/// from the repository (without bin/ and obj/, as .dockerignore says), then its RUN lines restore and publish there,
/// with the image's /app replaced by a temporary folder. The runtime stage is then that folder: made read-only, and the
/// host started in it with the image's environment, its data folder elsewhere, on a free loopback port.
/// </summary>
public sealed class ImageBuild : IAsyncLifetime
{
    private static readonly string[] Ignored = ["bin", "obj"];

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("checkinbot-image-");

    public string App => Path.Combine(root.FullName, "app");

    public string DataFolder => Path.Combine(root.FullName, "data");

    /// <summary>Every file of the publish folder with its size and last write, taken before the host started.</summary>
    public IReadOnlyList<string> ContentBeforeStart { get; private set; } = [];

    public PublishedHost Host { get; private set; } = null!;

    public int Port { get; private set; }

    /// <summary>The publish folder's files as <see cref="ContentBeforeStart"/> lists them.</summary>
    public IReadOnlyList<string> Content() => new DirectoryInfo(App).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
        .Select(f => $"{Path.GetRelativePath(App, f.FullName)} {(f as FileInfo)?.Length} {f.LastWriteTimeUtc:O}")
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task InitializeAsync()
    {
        var image = Dockerfile.Load();
        var context = Path.Combine(root.FullName, "src");
        Directory.CreateDirectory(context);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        foreach (var instruction in image.Build.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "COPY":
                    Copy(instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), context);
                    break;
                case "RUN":
                    await PublishedHost.PublishAsync(context, instruction.Arguments.Replace(" /app", " " + App, StringComparison.Ordinal), timeout.Token);
                    break;
                case "WORKDIR":
                    break;
                default:
                    throw new NotSupportedException($"The build stage's {instruction.Keyword} is not mirrored here.");
            }
        }

        ContentBeforeStart = Content();
        SetWritable(App, writable: false);

        var environment = image.Runtime.Environment.Where(e => e.Key != "ASPNETCORE_URLS").ToDictionary();
        environment["DataFolder"] = DataFolder;
        Port = PublishedHost.FreePort();
        Host = PublishedHost.Start(App, Port, environment);
        await Host.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        SetWritable(App, writable: true);
        root.Delete(recursive: true);
    }

    /// <summary>The image's /app belongs to root and is read-only to its user; here it is made read-only for everyone.</summary>
    private static void SetWritable(string folder, bool writable)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        const UnixFileMode write = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(folder)))
        {
            entry.UnixFileMode = writable ? entry.UnixFileMode | UnixFileMode.UserWrite : entry.UnixFileMode & ~write;
        }
    }

    /// <summary><c>COPY a b … dest</c> from the repository root into the context; a destination ending in / is a folder.</summary>
    private static void Copy(string[] arguments, string context)
    {
        var destination = Path.Combine(context, arguments[^1]);
        foreach (var source in arguments[..^1])
        {
            var from = Repository.PathOf(source.TrimEnd('/'));
            if (Directory.Exists(from))
            {
                CopyFolder(from, destination);
            }
            else
            {
                var target = arguments[^1].EndsWith('/') ? Path.Combine(destination, Path.GetFileName(from)) : destination;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(from, target, overwrite: true);
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => Ignored.Contains(part)))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
