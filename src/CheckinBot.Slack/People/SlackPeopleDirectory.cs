using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Slack.People;

/// <summary>The core's people directory on Slack: profiles from <c>users.info</c>, remembered for a while.</summary>
public sealed class SlackPeopleDirectory(SlackPeople people) : IPeopleDirectory
{
    public string Platform => SlackPlatform.Name;

    public async Task<ChatPerson?> FindAsync(string workspaceId, string personId, CancellationToken cancellationToken) =>
        await people.FindAsync(workspaceId, personId, cancellationToken) is { } profile
            ? new ChatPerson(personId, profile.DisplayName, profile.TimeZone, profile.Locale, profile.IsBot)
            : null;
}
