namespace CheckinBot.Core.Messages;

/// <summary>A bot message with its address.</summary>
/// <param name="To">Where it goes.</param>
/// <param name="Message">What it says.</param>
/// <param name="OccurrenceKey">For scheduled posts: the occurrence's idempotency key, carried as platform metadata.</param>
/// <param name="At">The bot-clock instant the post stands for (its due time for scheduled posts), when it matters.</param>
public sealed record OutboundMessage(ChatAddress To, BotMessage Message, string? OccurrenceKey = null, DateTimeOffset? At = null);
