using System.Diagnostics;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Core.Telemetry;

/// <summary>
/// The spans of one inbound turn: <c>checkinbot.turn</c> (a child of the request that brought it, though a worker runs
/// it), <c>checkinbot.dispatch</c> and <c>checkinbot.handle</c>; the gateway's HTTP calls nest under them.
/// </summary>
public static class TurnTelemetry
{
    public const string TurnSpan = "checkinbot.turn";
    public const string DispatchSpan = "checkinbot.dispatch";
    public const string HandleSpan = "checkinbot.handle";

    /// <summary>The span a worker runs a queued turn in, continuing the trace of the request that queued it.</summary>
    public static Activity? StartTurn(ChatTurn turn, ActivityContext origin)
    {
        var activity = CheckinTelemetry.Source.StartActivity(TurnSpan, ActivityKind.Internal, origin);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("checkinbot.platform", turn.Platform);
            activity.SetTag("checkinbot.workspace_id", turn.WorkspaceId);
            activity.SetTag("checkinbot.conversation_id", turn.ConversationId);
            activity.SetTag("checkinbot.person_id", turn.Person.Id);
            activity.SetTag("checkinbot.turn_kind", turn.Kind.ToString());
            activity.SetTag("checkinbot.event_id", turn.EventId);
        }

        return activity;
    }

    public static Activity? StartDispatch(ChatTurn turn)
    {
        var activity = CheckinTelemetry.Source.StartActivity(DispatchSpan);
        activity?.SetTag("checkinbot.event_id", turn.EventId);
        return activity;
    }

    public static Activity? StartHandle(ChatTurn turn)
    {
        var activity = CheckinTelemetry.Source.StartActivity(HandleSpan);
        activity?.SetTag("checkinbot.turn_kind", turn.Kind.ToString());
        return activity;
    }

    /// <summary>Names the command on the handling span: its type, never its words.</summary>
    public static void TagCommand(Command command)
    {
        if (Activity.Current is { OperationName: HandleSpan } activity)
        {
            activity.SetTag("checkinbot.command", command.GetType().Name);
        }
    }
}
