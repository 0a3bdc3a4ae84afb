using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Tests.Authorization;

/// <summary>
/// Every command of the grammar and every button, tried by the VA, the client, another member of the channel, someone of
/// another workspace (with the VA's own user id) and someone in no collaboration: each cell is allowed, or refused with
/// one line to the sender alone. A command or action id without a row fails <see cref="EveryCommandAndEveryButtonHasARow"/>.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    /// <summary>Columns: VA, client, other member, other workspace, nobody. "ok" is allowed; any other word a refusal's text key.</summary>
    private static readonly MatrixRow[] Rows =
    [
        Command<HelpCommand>("help", "ok ok ok ok ok"),
        Command<InvalidCommand>("frobnicate", "ok ok ok ok ok"),
        Command<SetupCommand>("setup <@tom>", "error.alreadySetUp error.alreadySetUp error.alreadySetUp ok error.setupInDirect"),
        Command<ProposeCommand>("propose update mon 10:00", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<AcceptCommand>("accept", "ok error.ownProposal error.notAMember error.noCollaboration error.noCollaboration"),
        // A side may withdraw its own proposal; only the other side may accept it.
        Command<DeclineCommand>("decline", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<RhythmsCommand>("rhythms", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<PauseCommand>("pause 1", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<ResumeCommand>("resume 1", "ok ok error.notAMember error.noCollaboration error.noCollaboration") with { Before = "pause 1" },
        Command<SkipNextCommand>("skip next", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<RetireCommand>("retire 1", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<StatusCommand>("status", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<NextCommand>("next", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<DraftCommand>("draft PDF layout done", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<StartTaskCommand>("start Newsletter", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<ProgressCommand>("progress Newsletter 60%", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<DoneCommand>("done Newsletter", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<BlockCommand>("block Newsletter waiting for the logo", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        // A client sees status and health, not the VA's task log.
        Command<TasksCommand>("tasks", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<PlanCommand>("plan Newsletter; Invoices", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<FocusCommand>("focus 90m", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<PostNowCommand>("post now", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<SnoozeCommand>("snooze", "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Command<ExportCommand>("export", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<ForgetCommand>("forget", "ok ok ok ok ok"),
        Command<HealthCommand>("health", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Command<LanguageCommand>("lang nl", "ok ok ok ok ok"),
        Command<TimeZoneCommand>("tz Asia/Manila", "ok ok ok ok ok"),
        Button<AcceptCommand>(ActionIds.Accept, _ => "2", "ok error.ownProposal error.notAMember error.noCollaboration error.noCollaboration"),
        Button<DeclineCommand>(ActionIds.Decline, _ => "2", "ok ok error.notAMember error.noCollaboration error.noCollaboration"),
        Button<PostNowCommand>(ActionIds.PostNow, p => p.OccurrenceId, "ok error.onlyVa error.onlyVa error.noCollaboration error.onlyVa"),
        Button<SnoozeCommand>(ActionIds.Snooze, p => p.OccurrenceId, "ok error.onlyVa error.onlyVa error.noCollaboration error.onlyVa"),
        Button<SkipOccurrenceCommand>(ActionIds.SkipOne, p => p.OccurrenceId, "ok error.onlyVa error.onlyVa error.noCollaboration error.onlyVa"),
        Button<DraftCommand>(ActionIds.EditDraft, p => p.OccurrenceId, "ok error.onlyVa error.notAMember error.noCollaboration error.noCollaboration"),
        Button<ForgetCommand>(ActionIds.ForgetConfirm, _ => "", "ok ok ok ok ok"),
        Button<FlagUrgentCommand>(ActionIds.FlagUrgent, p => p.PingId, "urgent.onlyClient ok error.notAMember error.noCollaboration error.noCollaboration"),
    ];

    private static readonly Actor[] Actors = Enum.GetValues<Actor>();
    private AuthorizationWorld world = null!;

    public async Task InitializeAsync() => world = await AuthorizationWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    public static TheoryData<string> RowNames()
    {
        var names = new TheoryData<string>();
        foreach (var row in Rows)
        {
            names.Add(row.Name);
        }

        return names;
    }

    [Fact]
    public void EveryCommandAndEveryButtonHasARow()
    {
        var commands = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract).ToList();
        var actionIds = typeof(ActionIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        commands.Should().OnlyContain(t => Rows.Any(r => r.Command == t), "every command of the grammar needs a row in the authorization matrix");
        actionIds.Should().OnlyContain(id => Rows.Any(r => r.ActionId == id), "every button's action id needs a row in the authorization matrix");
        Rows.Should().OnlyContain(r => r.Expected.Length == Actors.Length, "each row names an outcome for every actor");
    }

    [Fact]
    public void EachRowIsTheCommandItNames()
    {
        var place = new Place("W0") { OccurrenceId = Guid.NewGuid().ToString("N"), PingId = Guid.NewGuid().ToString("N") };
        foreach (var row in Rows)
        {
            var made = row.ActionId is null
                ? CommandParser.Parse(row.Text!)
                : ActionCommands.Of(Turn(place, Actor.Va, row));
            made.Should().NotBeNull().And.BeOfType(row.Command, "row {0}", row.Name);
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task EachActorIsAllowedOrRefusedWithOneLine(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var observed = new List<string>();
        foreach (var actor in Actors)
        {
            // A fresh collaboration for every cell: what one actor did does not decide the next one's cell.
            var place = await world.SetUpAsync();
            if (row.Before is { } before)
            {
                await place.SayAsync(world, "ina", before);
            }

            var turn = Turn(place, actor, row);
            var answers = await world.HandleAsync(turn);
            observed.Add(Classify(turn, answers));
        }

        var report = new StringBuilder();
        for (var i = 0; i < Actors.Length; i++)
        {
            report.Append(CultureInfo.InvariantCulture, $"{Actors[i]}: {observed[i]}; ");
        }

        observed.Should().Equal(row.Expected, "row {0} observed {1}", row.Name, report.ToString());
    }

    private static MatrixRow Command<T>(string text, string expected)
        where T : Command => new(typeof(T).Name + " '" + text + "'", typeof(T), text, null, null, expected.Split(' '));

    private static MatrixRow Button<T>(string actionId, Func<Place, string> value, string expected)
        where T : Command => new("button " + actionId, typeof(T), null, actionId, value, expected.Split(' '));

    private static ChatTurn Turn(Place place, Actor actor, MatrixRow row)
    {
        var (workspace, conversation, person, direct) = actor switch
        {
            Actor.Va => (place.Workspace, AuthorizationWorld.Channel, "ina", false),
            Actor.Client => (place.Workspace, AuthorizationWorld.Channel, "tom", false),
            Actor.OtherMember => (place.Workspace, AuthorizationWorld.Channel, "eve", false),
            Actor.OtherWorkspace => ("X" + place.Workspace, AuthorizationWorld.Channel, "ina", false),
            _ => (place.Workspace, "D-noor", "noor", true),
        };
        return new ChatTurn
        {
            Platform = AuthorizationWorld.Platform,
            WorkspaceId = workspace,
            ConversationId = conversation,
            IsDirect = direct,
            Person = new ChatPerson(person, person, "Europe/Brussels", "en"),
            Kind = row.ActionId is null ? TurnKind.Command : TurnKind.Action,
            Text = row.Text ?? "",
            ActionId = row.ActionId,
            ActionValue = row.ActionId is null ? null : row.Value!(place),
            MessageId = Guid.NewGuid().ToString("N"),
        };
    }

    /// <summary>"ok", or the text key of the one line a refusal answers the sender with, and nobody else.</summary>
    private static string Classify(ChatTurn turn, IReadOnlyList<OutboundMessage> answers)
    {
        if (answers.Count != 1 || !ToSenderAlone(turn, answers[0].To))
        {
            return "ok";
        }

        var text = answers[0].Message.PlainText;
        return Refusals.FirstOrDefault(r => r.Pattern.IsMatch(text)).Key ?? "ok";
    }

    private static bool ToSenderAlone(ChatTurn turn, ChatAddress to) =>
        to.OnlyFor == turn.Person.Id || (turn.IsDirect && to.ConversationId == turn.ConversationId && to.DirectTo is null && to.OnlyFor is null);

    /// <summary>Every refusal the core can answer with (<c>error.*</c>, and the urgent button's own), as patterns over its three languages.</summary>
    private static readonly (string Key, Regex Pattern)[] Refusals = LoadRefusals();

    private static (string Key, Regex Pattern)[] LoadRefusals()
    {
        var resources = new ResourceManager("CheckinBot.Core.Texts.Texts", typeof(Localizer).Assembly);
        var keys = resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<System.Collections.DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("error.", StringComparison.Ordinal) || k is "urgent.onlyClient" or "urgent.unknown")
            .Order(StringComparer.Ordinal);
        return [.. keys.Select(key => (key, new Regex(
            "^(" + string.Join("|", Localizer.Languages.Select(l => Regex.Replace(Regex.Escape(Localizer.Get(l, key)), @"\\\{\d+}", ".*"))) + ")$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))];
    }
}
