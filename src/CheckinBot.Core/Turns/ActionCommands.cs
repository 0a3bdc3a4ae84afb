using System.Globalization;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Core.Turns;

/// <summary>A button click maps onto the command it stands for.</summary>
public static class ActionCommands
{
    /// <summary>The command a click stands for; null for an action id or value the core does not know.</summary>
    public static Command? Of(ChatTurn turn)
    {
        int? number = int.TryParse(turn.ActionValue, CultureInfo.InvariantCulture, out var n) ? n : null;
        Guid? occurrence = Guid.TryParseExact(turn.ActionValue, "N", out var id) ? id : null;
        return turn.ActionId switch
        {
            ActionIds.Accept when number is not null => new AcceptCommand(number),
            ActionIds.Decline when number is not null => new DeclineCommand(number, null),
            ActionIds.PostNow when occurrence is not null => new PostNowCommand(occurrence),
            ActionIds.Snooze when occurrence is not null => new SnoozeCommand(occurrence),
            ActionIds.SkipOne when occurrence is not null => new SkipOccurrenceCommand(occurrence.Value),
            ActionIds.EditDraft => new DraftCommand(null),
            ActionIds.ForgetConfirm => new ForgetCommand(true),
            ActionIds.FlagUrgent when Guid.TryParse(turn.ActionValue, CultureInfo.InvariantCulture, out var ping) => new FlagUrgentCommand(ping),
            _ => null,
        };
    }
}
