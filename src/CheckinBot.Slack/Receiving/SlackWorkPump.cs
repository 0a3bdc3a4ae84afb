using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// Drains <see cref="SlackWorkInbox"/> after the acknowledgements: completes each turn with the person's Slack profile
/// (name, zone, language), makes the client named in <c>/checkin setup</c> known with theirs, hands the turn to the
/// core's <see cref="TurnInbox"/>, and removes installations Slack says are gone.
/// </summary>
public sealed class SlackWorkPump(
    SlackWorkInbox queue,
    TurnInbox inbox,
    SlackPeople people,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<SlackWorkPump> logger) : BackgroundService
{
    private static readonly TimeSpan FullInboxPause = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(work, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.WorkFailed(e, work.GetType().Name);
            }
        }
    }

    internal async Task HandleAsync(SlackWork work, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case SlackWork.Turn { Value: var turn }:
                var completed = await CompleteAsync(turn, cancellationToken);
                while (!inbox.TryEnqueue(completed))
                {
                    await Task.Delay(FullInboxPause, time, cancellationToken);
                }

                break;
            case SlackWork.Uninstall uninstall:
                await using (var scope = scopes.CreateAsyncScope())
                {
                    if (scope.ServiceProvider.GetService<IInstallationStore>() is { } installations)
                    {
                        await installations.RemoveAsync(SlackPlatform.Name, uninstall.WorkspaceId, cancellationToken);
                    }
                }

                logger.Uninstalled(uninstall.WorkspaceId, uninstall.EventId);
                break;
        }
    }

    private async Task<ChatTurn> CompleteAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var profile = await people.FindAsync(turn.WorkspaceId, turn.Person.Id, cancellationToken);
        if (profile is not null)
        {
            turn = turn with
            {
                Person = turn.Person with
                {
                    DisplayName = profile.DisplayName ?? turn.Person.DisplayName,
                    TimeZone = profile.TimeZone ?? turn.Person.TimeZone,
                    Language = profile.Locale ?? turn.Person.Language,
                    IsBot = turn.Person.IsBot || profile.IsBot,
                },
            };
        }

        if (turn.Kind == TurnKind.Command && CommandParser.Parse(turn.Text) is SetupCommand setup && setup.ClientId != turn.Person.Id)
        {
            await IntroduceAsync(turn.WorkspaceId, setup.ClientId, cancellationToken);
        }

        return turn;
    }

    /// <summary>Makes the client named in a setup known with their Slack profile, so the agreement takes their zone and language.</summary>
    private async Task IntroduceAsync(string workspace, string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ICollaborationStore>() is not { } collaborations)
        {
            return;
        }

        var person = await collaborations.FindPersonAsync(SlackPlatform.Name, workspace, userId, cancellationToken);
        if (person is { TimeZone: not null, Language: not null } || await people.FindAsync(workspace, userId, cancellationToken) is not { } profile)
        {
            return;
        }

        person ??= new Person { Platform = SlackPlatform.Name, WorkspaceId = workspace, Id = userId };
        if (string.IsNullOrEmpty(person.DisplayName) && profile.DisplayName is { } name)
        {
            person.DisplayName = name;
        }

        if (person.TimeZone is null && profile.TimeZone is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
        {
            person.TimeZone = zone;
        }

        if (person.Language is null && profile.Locale is { } locale)
        {
            person.Language = Localizer.Normalize(locale);
        }

        await collaborations.SavePersonAsync(person, cancellationToken);
    }
}
