using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>The messages a turn caused, each with the platform's receipt once posted.</summary>
public sealed record TurnOutcome(IReadOnlyList<(OutboundMessage Message, PostReceipt Receipt)> Posted);
