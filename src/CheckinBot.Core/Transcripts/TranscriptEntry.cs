using CheckinBot.Core.Messages;
using NodaTime;

namespace CheckinBot.Core.Transcripts;

/// <summary>One message of a locally kept chat (the playground), as stored.</summary>
/// <param name="Id">Increasing id; the order of the transcript.</param>
/// <param name="Conversation">Which conversation: the shared channel or a person's direct conversation with the bot.</param>
/// <param name="At">The bot's clock when it was said (scheduled posts: their due time).</param>
/// <param name="From">"va", "client" or "bot".</param>
/// <param name="VisibleTo">"all", "va" or "client".</param>
/// <param name="Kind">"message" for people; the bot's message kind otherwise.</param>
/// <param name="ThreadId">The message this one answers in a thread, if any.</param>
/// <param name="OccurrenceKey">For scheduled posts, the occurrence they stand for.</param>
/// <param name="Buttons">The buttons under a bot message; a click comes back as an action turn.</param>
public sealed record TranscriptEntry(
    long Id,
    string Conversation,
    Instant At,
    string From,
    string Text,
    string VisibleTo,
    string Kind,
    string? ThreadId = null,
    string? OccurrenceKey = null,
    IReadOnlyList<MessageButton>? Buttons = null);
