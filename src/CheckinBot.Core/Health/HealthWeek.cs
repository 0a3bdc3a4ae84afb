using NodaTime;

namespace CheckinBot.Core.Health;

/// <summary>How one week went for a collaboration.</summary>
/// <param name="Start">The Monday the week starts on, in the reader's zone.</param>
/// <param name="Agreed">Agreed occurrences that fell due (posted or missed).</param>
/// <param name="OnTime">Posted on time.</param>
/// <param name="Late">Posted late.</param>
/// <param name="Missed">Not posted.</param>
/// <param name="Pings">Status checks between occurrences.</param>
/// <param name="Answered">Of those, answered in full by the bot (the rest were acknowledged).</param>
/// <param name="Urgent">Messages passed on to the VA as urgent.</param>
public sealed record HealthWeek(LocalDate Start, int Agreed, int OnTime, int Late, int Missed, int Pings, int Answered, int Urgent);
