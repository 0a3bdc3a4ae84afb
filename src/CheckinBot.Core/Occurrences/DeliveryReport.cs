namespace CheckinBot.Core.Occurrences;

/// <summary>What one delivery round did, by occurrence id: for logs and metrics, never message texts.</summary>
public sealed record DeliveryReport(int Posted, int Late, int Missed, int Cancelled, int Reminders, IReadOnlyList<DeliveryFailure> Failures);

/// <summary>A post that failed and will be tried again.</summary>
public sealed record DeliveryFailure(Guid OccurrenceId, string Error);
