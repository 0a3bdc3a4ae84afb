using System.Collections.Concurrent;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.People;

/// <summary>People's Slack profiles (<c>users.info</c>), remembered for a while so that a busy channel costs few calls.</summary>
public sealed class SlackPeople(SlackWebApi slack, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackPeople> logger)
{
    private readonly ConcurrentDictionary<(string Workspace, string User), (SlackProfile Profile, DateTimeOffset Until)> cache = new();

    private readonly ConcurrentDictionary<(string Workspace, string User), Task<SlackProfile?>> asking = new();

    /// <summary>
    /// The person's profile, or null when Slack could not say (the turn then goes on without it). Turns of one person
    /// arriving together share one <c>users.info</c> call.
    /// </summary>
    public async Task<SlackProfile?> FindAsync(string workspace, string user, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((workspace, user), out var known) && known.Until > time.GetUtcNow())
        {
            return known.Profile;
        }

        return await asking.GetOrAdd((workspace, user), k => AskAsync(k.Workspace, k.User, CancellationToken.None)).WaitAsync(cancellationToken);
    }

    private async Task<SlackProfile?> AskAsync(string workspace, string user, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var now = time.GetUtcNow();
        try
        {
            var profile = await slack.UserInfoAsync(workspace, user, cancellationToken);
            if (cache.Count > 50_000)
            {
                cache.Clear();
            }

            cache[(workspace, user)] = (profile, now + options.Value.ProfileCacheDuration);
            return profile;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            var error = (e as SlackApiException)?.Error ?? e.GetType().Name;
            logger.ProfileFailed(user, workspace, error);
            return null;
        }
        finally
        {
            asking.TryRemove((workspace, user), out _);
        }
    }
}
