using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Delivery;

/// <summary>The port through which the core posts to one chat platform.</summary>
public interface IChatGateway
{
    /// <summary>The platform this gateway speaks for ("playground", "slack", "teams").</summary>
    string Platform { get; }

    /// <summary>Posts a message and returns the platform's id for it.</summary>
    Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Finds a post made earlier, within <paramref name="window"/>, for an occurrence key, so that a worker taking over an
    /// expired lease does not post twice. Returns null only when the platform holds no such post; throws when the platform
    /// cannot tell (a refused or failed lookup), and the occurrence is then not posted.
    /// </summary>
    Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the posts made earlier in one conversation, within <paramref name="window"/>, for several occurrence keys at
    /// once: a platform that reads a conversation's history (Slack) reads it once for all of them. The keys found, each
    /// with its post; a key left out has no post there. Throws when the platform cannot tell, as
    /// <see cref="FindPostedAsync(ChatAddress, string, PostWindow, CancellationToken)"/> does. By default, one lookup per key.
    /// </summary>
    async Task<IReadOnlyDictionary<string, PostReceipt>> FindPostedManyAsync(ChatAddress where, IReadOnlyCollection<string> occurrenceKeys, PostWindow window,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PostReceipt>(StringComparer.Ordinal);
        foreach (var key in occurrenceKeys)
        {
            if (await FindPostedAsync(where, key, window, cancellationToken) is { } receipt)
            {
                found[key] = receipt;
            }
        }

        return found;
    }
}
