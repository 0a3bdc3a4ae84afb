using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Commands;

/// <summary>Help and usage answers.</summary>
public static class Usage
{
    public static BotMessage Help(TurnContext context) =>
        new(MessageKind.Reply, null, [context.Say("help.intro"), context.Say("help.commands")], []);

    /// <summary>What was wrong, the usage line, and an example.</summary>
    public static BotMessage For(TurnContext context, InvalidCommand invalid)
    {
        var lines = new List<string>(3);
        if (invalid.Problem is not null)
        {
            lines.Add(context.Say(invalid.Problem, invalid.Detail));
        }

        lines.Add(context.Say("usage.line", context.Say("usage." + invalid.Topic)));
        lines.Add(context.Say("usage.example", context.Say("example." + invalid.Topic)));
        return new BotMessage(MessageKind.Reply, null, lines, []);
    }
}
