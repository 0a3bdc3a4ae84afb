using CheckinBot.Host;
using CheckinBot.Host.Configuration;

try
{
    var app = BotApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (ConfigurationException error)
{
    await Console.Error.WriteLineAsync($"Configuration error: {error.Message}");
    return 2;
}

/// <summary>The entry point, visible to tests.</summary>
public partial class Program;
