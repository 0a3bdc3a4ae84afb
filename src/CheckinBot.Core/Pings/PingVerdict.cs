namespace CheckinBot.Core.Pings;

/// <summary>What the classifier decided about one message, and why.</summary>
/// <param name="Class">The decided class.</param>
/// <param name="Language">The language used for the decision: "nl", "en" or "fr" (the hint when one was given).</param>
/// <param name="Reasons">
/// What weighed most, strongest first: the rules that fired and the model's heaviest features. Safe to log: a
/// reason never quotes the message (features are named by their hashed id, e.g. "feature #1a2b3c +1.40").
/// </param>
/// <param name="OpenWorkMatters">
/// The classifier was given no open work, and the decision would change if the message turned out to be about one of
/// the VA's open tasks: the caller should read them and classify again. False whenever open work was given.
/// </param>
/// <param name="FollowingUrgentMatters">
/// The classifier was told the message does not follow an urgent one, and the decision would be urgent if it did:
/// the caller should look whether the client's last urgent message came moments ago and, if so, classify again. False
/// whenever the message was said to follow an urgent one.
/// </param>
public sealed record PingVerdict(PingClass Class, string Language, IReadOnlyList<string> Reasons, bool OpenWorkMatters = false, bool FollowingUrgentMatters = false);
