using System.Text;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>Recorded Slack payloads under <c>Fixtures/</c>.</summary>
public static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name), Encoding.UTF8).Trim();

    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));

    /// <summary>An interactivity payload as Slack posts it: a form with one <c>payload</c> field.</summary>
    public static byte[] InteractionForm(string name) =>
        Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(Text(name)));
}
