using System.Collections.Concurrent;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Collaborations;

/// <summary>
/// When a platform's people directory last answered about a person, on this node. A person the directory cannot complete
/// (a Slack user without a zone or locale) is then asked about again only after <see cref="TurnOptions.AskDirectoryEvery"/>,
/// not on every turn they send.
/// </summary>
public sealed class DirectoryAsks(TurnOptions options, TimeProvider time)
{
    /// <summary>Beyond this many people the memory starts afresh: at worst each is asked once more.</summary>
    private const int ForgetAbove = 100_000;

    private readonly ConcurrentDictionary<(string Platform, string Workspace, string Person), DateTimeOffset> answered = new();

    /// <summary>True when the directory was never asked about the person here, or last answered longer than the interval ago.</summary>
    public bool IsDue(string platform, string workspaceId, string personId) =>
        !answered.TryGetValue((platform, workspaceId, personId), out var at) || time.GetUtcNow() - at >= options.AskDirectoryEvery;

    /// <summary>The directory answered about the person now.</summary>
    public void Answered(string platform, string workspaceId, string personId)
    {
        if (answered.Count > ForgetAbove)
        {
            answered.Clear();
        }

        answered[(platform, workspaceId, personId)] = time.GetUtcNow();
    }
}
