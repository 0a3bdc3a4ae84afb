namespace CheckinBot.Testing.Teams;

/// <summary>Recorded activities under <c>Fixtures/</c>, with <c>{{name}}</c> placeholders filled by the test.</summary>
public static class Fixtures
{
    public const string Tenant = "a9e5d7c1-1111-4b2a-8c3d-0f1e2d3c4b5a";
    public const string Channel = "19:5f1e2c3b4a@thread.tacv2";
    public const string Bot = "28:7f0c1a2b-0000-4c3d-9e8f-a1b2c3d4e5f6";
    public const string Maria = "29:1maria-va";
    public const string Tom = "29:1tom-client";

    public static string Load(string name, string serviceUrl, Action<Dictionary<string, string>>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));
        var fill = new Dictionary<string, string>
        {
            ["serviceUrl"] = serviceUrl,
            ["id"] = Guid.NewGuid().ToString("N")[..12],
            ["text"] = "",
            ["from"] = Maria,
            ["fromName"] = "Maria Santos",
            ["action"] = "rhythm.accept",
            ["value"] = "1",
            ["installAction"] = "add",
        };
        values?.Invoke(fill);
        foreach (var (key, value) in fill)
        {
            text = text.Replace("{{" + key + "}}", System.Text.Json.JsonEncodedText.Encode(value).ToString(), StringComparison.Ordinal);
        }

        return text;
    }
}
