using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Commands;

/// <summary>A parsed <c>/checkin</c> command.</summary>
public abstract record Command;

public sealed record HelpCommand : Command;

/// <summary><c>setup @client [tz Zone] [lang nl]</c>, run by the VA in the shared conversation.</summary>
public sealed record SetupCommand(string ClientId, string? TimeZone, string? Language) : Command;

/// <summary><c>propose update weekdays 17:00</c>.</summary>
public sealed record ProposeCommand(RhythmKind Kind, Days Days, LocalTime At) : Command;

public sealed record AcceptCommand(int? Number) : Command;

public sealed record DeclineCommand(int? Number, string? Reason) : Command;

public sealed record RhythmsCommand : Command;

/// <summary><c>pause [id|all] [until date]</c>; a null number means all agreed rhythms.</summary>
public sealed record PauseCommand(int? Number, DateSpec? Until) : Command;

public sealed record ResumeCommand(int? Number) : Command;

public sealed record SkipNextCommand(int? Number) : Command;

public sealed record RetireCommand(int Number) : Command;

public sealed record StatusCommand : Command;

public sealed record NextCommand : Command;

/// <summary><c>draft &lt;text&gt;</c> writes the draft; <c>draft</c> alone shows it.</summary>
public sealed record DraftCommand(string? Text) : Command;

/// <summary><c>start &lt;task&gt; [due &lt;day&gt;]</c>: a new task in progress, or a planned one started.</summary>
public sealed record StartTaskCommand(string Title, DateSpec? Due) : Command;

/// <summary><c>progress &lt;task&gt; 60%</c>.</summary>
public sealed record ProgressCommand(string Task, int Percent) : Command;

/// <summary><c>done &lt;task&gt;</c>.</summary>
public sealed record DoneCommand(string Task) : Command;

/// <summary><c>block &lt;task&gt; &lt;reason&gt;</c>; the handler finds where the title ends.</summary>
public sealed record BlockCommand(string Text) : Command;

/// <summary><c>tasks</c>: the task log.</summary>
public sealed record TasksCommand : Command;

/// <summary>One item of a week plan as typed: <c>Newsletter PDF due thu</c>.</summary>
public sealed record PlanItem(string Title, DateSpec? Due);

/// <summary><c>plan &lt;item&gt;; &lt;item&gt;</c> replaces the week plan; <c>plan</c> alone shows it.</summary>
public sealed record PlanCommand(IReadOnlyList<PlanItem>? Items) : Command;

/// <summary><c>focus 90m</c>; a null length ends the focus block.</summary>
public sealed record FocusCommand(Duration? Length) : Command;

/// <summary><c>post now</c>, or the reminder's Post now button: the next update (or the named occurrence) goes out at once.</summary>
public sealed record PostNowCommand(Guid? OccurrenceId) : Command;

/// <summary><c>snooze</c>, or the reminder's Snooze button: the reminder comes again in 30 minutes.</summary>
public sealed record SnoozeCommand(Guid? OccurrenceId) : Command;

/// <summary>The reminder's Skip this one button.</summary>
public sealed record SkipOccurrenceCommand(Guid OccurrenceId) : Command;

/// <summary><c>export</c>: the collaboration's data for the requester.</summary>
public sealed record ExportCommand : Command;

/// <summary><c>forget</c> asks for a confirmation; <c>forget confirm</c> deletes the requester's personal data.</summary>
public sealed record ForgetCommand(bool Confirmed) : Command;

/// <summary><c>health</c>: how the rhythm held over the last four weeks.</summary>
public sealed record HealthCommand : Command;

/// <summary>The "it's urgent" button under a ping answer.</summary>
public sealed record FlagUrgentCommand(Guid PingId) : Command;

public sealed record LanguageCommand(string Language) : Command;

public sealed record TimeZoneCommand(string Zone) : Command;

/// <summary>Input that is not a command: answered with the usage line of <paramref name="Topic"/> and an example.</summary>
/// <param name="Topic">The verb whose usage to show, or "help" for the general one.</param>
/// <param name="Problem">A text key naming what was wrong, or null.</param>
/// <param name="Detail">The offending word, for the answer.</param>
public sealed record InvalidCommand(string Topic, string? Problem = null, string? Detail = null) : Command;
