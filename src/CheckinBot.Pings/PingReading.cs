using CheckinBot.Core.Pings;
using CheckinBot.Pings.Rules;

namespace CheckinBot.Pings;

/// <summary>Everything the classifier saw in one message: the verdict, the model's probabilities and the rules.</summary>
/// <param name="Verdict">The decision and its reasons.</param>
/// <param name="Status">The model's probability of a status check.</param>
/// <param name="Urgent">The model's probability of urgency.</param>
/// <param name="Rules">What the rules found.</param>
internal sealed record PingReading(PingVerdict Verdict, float Status, float Urgent, RuleReading Rules);
