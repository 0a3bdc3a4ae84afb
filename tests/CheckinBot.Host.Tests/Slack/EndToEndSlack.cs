namespace CheckinBot.Host.Tests.Slack;

/// <summary>The kit's fake Slack as the end-to-end hosts meet it: their bot token only, and the two people of their collaboration.</summary>
public static class EndToEndSlack
{
    public const string BotToken = "xoxb-e2e-token";

    public static async Task<FakeSlack> StartAsync()
    {
        var slack = await FakeSlack.StartAsync(new FakeSlackOptions { BotToken = BotToken });
        slack.AddUser("UVA00001", "Maria", "Asia/Manila", "en-US");
        slack.AddUser("UCLIENT01", "Pieter", "Europe/Brussels", "nl-BE");
        return slack;
    }
}
