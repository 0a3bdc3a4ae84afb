using CheckinBot.Core.Conversations;
using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Collaborations;

/// <summary>
/// Use case: making a person known, from what the turn and the platform's directory say of them. What the platform says
/// fills gaps; what the person chose with <c>lang</c>/<c>tz</c> stays. A person is written only when something changed,
/// and a directory is asked only about people not known in full, and about each at most once per
/// <see cref="Turns.TurnOptions.AskDirectoryEvery"/> (<paramref name="asks"/>). A turn that only reads does not wait for
/// any of it (<see cref="RecallSenderAsync"/>): its sender is introduced afterwards (<paramref name="later"/>).
/// </summary>
public sealed class Introductions(
    ICollaborationStore collaborations, IEnumerable<IPeopleDirectory> directories, DirectoryAsks? asks = null, PendingIntroductions? later = null,
    RecentReads? recent = null)
{
    /// <summary>The sender of a turn, stored and completed; null when the platform says the sender is a bot.</summary>
    public async Task<Person?> KnowSenderAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var stored = await collaborations.FindPersonAsync(turn.Platform, turn.WorkspaceId, turn.Person.Id, cancellationToken);
        var (person, changed) = await CompleteAsync(turn, stored, cancellationToken);
        if (changed)
        {
            await collaborations.SavePersonAsync(person!, cancellationToken);
        }

        return person;
    }

    /// <summary>
    /// The senders of many turns (those read-only turns left for later), introduced together: one read of the stored
    /// people per workspace, the directory asked about each person at most once (all at once), and the people who
    /// changed written in one write. Returns how many were written.
    /// </summary>
    public async Task<int> KnowSendersAsync(IReadOnlyCollection<ChatTurn> turns, CancellationToken cancellationToken)
    {
        var changed = new List<Person>();
        foreach (var workspace in turns.GroupBy(turn => (turn.Platform, turn.WorkspaceId)))
        {
            var senders = workspace.DistinctBy(turn => turn.Person.Id, StringComparer.Ordinal).ToList();
            var stored = (await collaborations.GetPeopleAsync(workspace.Key.Platform, workspace.Key.WorkspaceId,
                    senders.Select(turn => turn.Person.Id).ToList(), cancellationToken))
                .ToDictionary(person => person.Id, StringComparer.Ordinal);
            var completed = await Task.WhenAll(senders.Select(turn => CompleteAsync(turn, stored.GetValueOrDefault(turn.Person.Id), cancellationToken)));
            changed.AddRange(completed.Where(c => c.Changed).Select(c => c.Person!));
        }

        if (changed.Count > 0)
        {
            await collaborations.SavePeopleAsync(changed, cancellationToken);
        }

        return changed.Count;
    }

    /// <summary>
    /// The sender as the store has them, completed from the turn and, when due, the directory; null when the sender is a
    /// bot. Changed: the person is to be written.
    /// </summary>
    private async Task<(Person? Person, bool Changed)> CompleteAsync(ChatTurn turn, Person? stored, CancellationToken cancellationToken)
    {
        var seen = turn.Person;
        var directory = DirectoryOf(turn.Platform);
        if (directory is not null && IsKnownInFull(stored) && !seen.IsBot)
        {
            // Known in full: the directory has nothing to add, and its name stands over the handle a turn may carry.
            return (stored, false);
        }

        if (directory is not null && IsDue(turn) && await directory.FindAsync(turn.WorkspaceId, seen.Id, cancellationToken) is { } profile)
        {
            asks?.Answered(turn.Platform, turn.WorkspaceId, seen.Id);
            seen = seen with
            {
                DisplayName = profile.DisplayName ?? seen.DisplayName,
                TimeZone = profile.TimeZone ?? seen.TimeZone,
                Language = profile.Language ?? seen.Language,
                IsBot = seen.IsBot || profile.IsBot,
            };
        }

        if (seen.IsBot)
        {
            return (null, false);
        }

        var person = stored ?? new Person { Platform = turn.Platform, WorkspaceId = turn.WorkspaceId, Id = seen.Id };
        var changed = stored is null;
        if (!string.IsNullOrWhiteSpace(seen.DisplayName) && person.DisplayName != seen.DisplayName)
        {
            person.DisplayName = seen.DisplayName;
            changed = true;
        }

        changed |= FillGaps(person, seen);
        return (person, changed);
    }

    /// <summary>
    /// The sender of a turn that only reads, as far as the store and the turn know them, without asking the directory or
    /// writing: someone new or not known in full is offered to the introduction queue, to be introduced after the answer.
    /// Without a queue this is <see cref="KnowSenderAsync"/>.
    /// </summary>
    public async Task<Person?> RecallSenderAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (later is null)
        {
            return await KnowSenderAsync(turn, cancellationToken);
        }

        var seen = turn.Person;
        var stored = recent is null
            ? await collaborations.FindPersonAsync(turn.Platform, turn.WorkspaceId, seen.Id, cancellationToken)
            : await recent.PersonAsync(turn.Platform, turn.WorkspaceId, seen.Id, (collaborations, turn, cancellationToken),
                static read => read.collaborations.FindPersonAsync(read.turn.Platform, read.turn.WorkspaceId, read.turn.Person.Id, read.cancellationToken));
        if (stored is null || (!IsKnownInFull(stored) && DirectoryOf(turn.Platform) is not null && IsDue(turn)))
        {
            later.Offer(turn);
        }

        if (stored is not null)
        {
            return stored;
        }

        var unknown = new Person { Platform = turn.Platform, WorkspaceId = turn.WorkspaceId, Id = seen.Id, DisplayName = seen.DisplayName ?? "" };
        FillGaps(unknown, seen);
        return unknown;
    }

    /// <summary>
    /// Makes someone another person named (the client in <c>setup @client</c>) known with their directory profile, so
    /// that an agreement takes their zone and language; until they speak, the mention's name is the best there is.
    /// </summary>
    public async Task<Person> IntroduceAsync(string platform, string workspaceId, string personId, string? mentionedName, CancellationToken cancellationToken)
    {
        var stored = await collaborations.FindPersonAsync(platform, workspaceId, personId, cancellationToken);
        var person = stored ?? new Person { Platform = platform, WorkspaceId = workspaceId, Id = personId, DisplayName = "" };
        var changed = stored is null;
        if (person.TimeZone is null || person.Language is null || string.IsNullOrEmpty(person.DisplayName))
        {
            if (await LookUpAsync(platform, workspaceId, personId, cancellationToken) is { } profile)
            {
                if (string.IsNullOrEmpty(person.DisplayName) && profile.DisplayName is { Length: > 0 } name)
                {
                    person.DisplayName = name;
                    changed = true;
                }

                changed |= FillGaps(person, profile);
            }
        }

        if (string.IsNullOrEmpty(person.DisplayName) || person.DisplayName == person.Id)
        {
            var name = mentionedName ?? personId;
            changed |= person.DisplayName != name;
            person.DisplayName = name;
        }

        if (changed)
        {
            await collaborations.SavePersonAsync(person, cancellationToken);
        }

        return person;
    }

    private async Task<ChatPerson?> LookUpAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken)
    {
        if (DirectoryOf(platform) is not { } directory || asks?.IsDue(platform, workspaceId, personId) == false ||
            await directory.FindAsync(workspaceId, personId, cancellationToken) is not { } profile)
        {
            return null;
        }

        asks?.Answered(platform, workspaceId, personId);
        return profile;
    }

    private static bool IsKnownInFull(Person? person) => person is { DisplayName.Length: > 0, TimeZone: not null, Language: not null };

    private bool IsDue(ChatTurn turn) => asks?.IsDue(turn.Platform, turn.WorkspaceId, turn.Person.Id) ?? true;

    private IPeopleDirectory? DirectoryOf(string platform) =>
        directories.FirstOrDefault(d => string.Equals(d.Platform, platform, StringComparison.OrdinalIgnoreCase));

    private static bool FillGaps(Person person, ChatPerson seen)
    {
        var changed = false;
        if (person.TimeZone is null && seen.TimeZone is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
        {
            person.TimeZone = zone;
            changed = true;
        }

        if (person.Language is null && seen.Language is { } language)
        {
            person.Language = Localizer.Normalize(language);
            changed = true;
        }

        return changed;
    }
}
