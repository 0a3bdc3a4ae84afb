using System.Text.Json;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// The environment that <c>dotnet run --project src/CheckinBot.Host</c> (the README's way to run the bot) gives the
/// process: its launch profile's <c>environmentVariables</c>, which hold runtime settings the runtime reads only from
/// the environment (<c>DOTNET_GCgen0size</c>). The bench starts the built dll itself, so it applies them the same way.
/// </summary>
internal static class LaunchProfile
{
    public const string ProfileName = "CheckinBot";

    public static string PathIn(string root) => Path.Combine(root, "src", "CheckinBot.Host", "Properties", "launchSettings.json");

    /// <summary>The profile's environment variables; an error names the file when the profile is missing.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentIn(string root)
    {
        var path = PathIn(root);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!json.RootElement.TryGetProperty("profiles", out var profiles) || !profiles.TryGetProperty(ProfileName, out var profile))
        {
            throw new InvalidOperationException($"{path} has no profile \"{ProfileName}\".");
        }

        return profile.TryGetProperty("environmentVariables", out var variables)
            ? variables.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
