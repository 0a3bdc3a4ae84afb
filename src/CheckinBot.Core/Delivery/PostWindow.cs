namespace CheckinBot.Core.Delivery;

/// <summary>The span of time in which an earlier post for an occurrence can have been made: where a lookup searches.</summary>
public sealed record PostWindow(DateTimeOffset From, DateTimeOffset To);
