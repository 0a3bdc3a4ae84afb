using CheckinBot.Testing;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Focus;
using CheckinBot.Core.Health;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// A collaboration between Ina (the VA, in Manila, English) and Tom (the client, in Ghent, Dutch) in the shared
/// channel C1, run through the real router with in-memory stores and a fake clock.
/// </summary>
internal sealed class PingWorld
{
    public const string Platform = "test";
    public const string Workspace = "W1";
    public const string Channel = "C1";

    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    public static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private int messages;

    public PingWorld(PingOptions? options = null)
    {
        Options = options ?? new PingOptions();
        Recent = new RecentReads(new TurnOptions(), Time);
        Collaborations = new InMemoryCollaborations(Recent);
        Collaboration = new Collaboration
        {
            Id = Guid.NewGuid(), Platform = Platform, WorkspaceId = Workspace, ConversationId = Channel,
            VaId = "ina", ClientIds = ["tom"], TimeZone = "Europe/Brussels", Language = "nl",
            CreatedAt = Instant.FromDateTimeOffset(FridayMorning) - Duration.FromDays(30),
        };
        Collaborations.AddAsync(Collaboration, default).GetAwaiter().GetResult();
        Collaborations.SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "ina", DisplayName = "Ina", TimeZone = "Asia/Manila", Language = "en" }, default);
        Collaborations.SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "tom", DisplayName = "Tom", TimeZone = "Europe/Brussels", Language = "nl" }, default);

        var schedule = new Schedule(Rhythms, Ledger);
        var delivery = new DeliveryOptions();
        Escalation = new UrgentEscalation(Collaborations, Pings, Options);
        Responder = new PingResponder(Classifier, Pings, Collaborations, new OutlookReader(Rhythms, schedule), Work, Escalation, Options);
        var tasks = new NoTasks();
        var drafts = new NoDrafts();
        var deliveryUseCase = new OccurrenceDelivery(Ledger, Rhythms, Collaborations, drafts, tasks, new ChatGateways([]), delivery, Time);
        People = new FakePeopleDirectory(Platform);
        var introductions = new Introductions(Collaborations, [People]);
        Handlers =
        [
            new UsageHandler(),
            new CollaborationCommands(Collaborations, introductions),
            new AgreementCommands(Rhythms, Ledger, Collaborations, schedule, delivery),
            new StatusCommands(schedule, Ledger, tasks, Collaborations),
            new DraftCommands(drafts, schedule),
            new TaskCommands(tasks),
            new FocusCommands(Collaborations),
            new ReminderActions(Ledger, Rhythms, Collaborations, schedule, deliveryUseCase, delivery),
            new PrivacyCommands(Rhythms, Ledger, tasks, tasks, []),
            new HealthCommands(Ledger, Pings),
            Escalation,
        ];
        Router = new TurnRouter(CommandTable.Of(Handlers), introductions, Collaborations, Responder, Time);
    }

    public FakeTimeProvider Time { get; } = new(FridayMorning);
    public PingOptions Options { get; }
    public InMemoryCollaborations Collaborations { get; }

    /// <summary>What read-only turns may answer from (<see cref="TurnOptions.RecentReadsLifetime"/>'s default); the stores forget their writes from it.</summary>
    public RecentReads Recent { get; }
    public InMemoryRhythms Rhythms { get; } = new();
    public InMemoryOccurrences Ledger { get; } = new();
    public InMemoryPingLog Pings { get; } = new();
    public FixedWorkStatus Work { get; } = new();
    public Collaboration Collaboration { get; }
    public UrgentEscalation Escalation { get; }
    public ScriptedPingClassifier Classifier { get; } = new();

    public PingResponder Responder { get; }
    public TurnRouter Router { get; }

    /// <summary>Every command handler of the core, as the host registers them.</summary>
    public IReadOnlyList<ICommandHandler> Handlers { get; }

    /// <summary>The platform's directory of people, empty until a test adds a profile.</summary>
    public FakePeopleDirectory People { get; }

    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    /// <summary>A plain message; the message id is "m1", "m2", … in order.</summary>
    public Task<IReadOnlyList<OutboundMessage>> SayAsync(string person, string text, string conversation = Channel, bool direct = false, string? permalink = null, bool bot = false) =>
        Router.HandleAsync(new ChatTurn
        {
            Platform = Platform,
            WorkspaceId = Workspace,
            ConversationId = conversation,
            Person = new ChatPerson(person, IsBot: bot),
            Kind = TurnKind.Message,
            Text = text,
            MessageId = "m" + ++messages,
            IsDirect = direct,
            Permalink = permalink,
        }, default);

    public Task<IReadOnlyList<OutboundMessage>> CommandAsync(string person, string text, string conversation = Channel) =>
        Router.HandleAsync(new ChatTurn
        {
            Platform = Platform, WorkspaceId = Workspace, ConversationId = conversation, Person = new ChatPerson(person), Kind = TurnKind.Command, Text = text,
        }, default);

    public Task<IReadOnlyList<OutboundMessage>> ClickAsync(string person, string actionId, string value, string thread) =>
        Router.HandleAsync(new ChatTurn
        {
            Platform = Platform, WorkspaceId = Workspace, ConversationId = Channel, Person = new ChatPerson(person), Kind = TurnKind.Action,
            ActionId = actionId, ActionValue = value, ThreadId = thread,
        }, default);

    /// <summary>An update every weekday at 17:00 Brussels time, agreed by both.</summary>
    public Rhythm AgreeWeekdaysAt17()
    {
        var rhythm = Rhythm.Propose(Collaboration.Id, Rhythms.All.Count + 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", "ina", Side.Va, Now);
        rhythm.Accept("tom", Side.Client, Now);
        Rhythms.All.Add(rhythm);
        return rhythm;
    }

    public void Advance(int minutes) => Time.Advance(TimeSpan.FromMinutes(minutes));
}
