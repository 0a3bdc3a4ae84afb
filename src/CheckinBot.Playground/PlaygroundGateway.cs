using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Playground;

/// <summary>The playground as a chat platform: a post is a line in the stored transcript.</summary>
public sealed class PlaygroundGateway(IServiceScopeFactory scopes, TimeProvider time) : IChatGateway
{
    public string Platform => PlaygroundOptions.Platform;

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var (conversation, visibleTo) = Place(message.To);
        var at = Instant.FromDateTimeOffset(message.At ?? time.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        var transcript = scope.ServiceProvider.GetRequiredService<ITranscriptStore>();
        var entry = await transcript.AppendAsync(
            new TranscriptEntry(0, conversation, at, "bot", message.Message.PlainText, visibleTo, KindName(message.Message.Kind), message.To.ThreadId, message.OccurrenceKey,
                message.Message.Buttons),
            PlaygroundOptions.TranscriptLimit,
            cancellationToken);
        return new PostReceipt(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().FindByOccurrenceAsync(occurrenceKey, cancellationToken);
        return entry is null ? null : new PostReceipt(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The API's name of a message kind: "reply", "update", "ping-answer", …</summary>
    public static string KindName(MessageKind kind) => kind switch
    {
        MessageKind.PingAnswer => "ping-answer",
        MessageKind.PingAck => "ping-ack",
        MessageKind.UrgentAlert => "urgent-alert",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Which conversation of the page a message goes to, and who sees it.</summary>
    private static (string Conversation, string VisibleTo) Place(ChatAddress to)
    {
        if (to.DirectTo is { } person)
        {
            return (PlaygroundOptions.DirectConversation(person), person);
        }

        var conversation = to.ConversationId ?? PlaygroundOptions.Channel;
        if (conversation.StartsWith("dm-", StringComparison.Ordinal))
        {
            return (conversation, conversation[3..]);
        }

        return (conversation, to.OnlyFor ?? "all");
    }
}
