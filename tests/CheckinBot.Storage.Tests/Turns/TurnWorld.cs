using CheckinBot.Testing;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>
/// The core's use cases on one provider's database, as the host wires them, with Slack recorded: Ina (the VA) and Tom
/// (the client) share channel C1 of workspace T1.
/// </summary>
public sealed class TurnWorld : IAsyncDisposable
{
    public const string Va = "U-ina";
    public const string Client = "U-tom";

    private TurnWorld(StorageFixture database) => Database = database;

    public StorageFixture Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingGateway Slack { get; } = new("slack");

    public FailingMessages Messages { get; } = new();

    public RacingRhythms Race { get; } = new();

    public static async Task<TurnWorld> StartAsync(Func<Action<IServiceCollection>, Task<StorageFixture>> create)
    {
        TurnWorld? world = null;
        var database = await create(services =>
        {
            services.AddSingleton<TimeProvider>(_ => world!.Clock);
            services.AddCoreUseCases("test");
            services.AddSingleton<IChatGateway>(_ => world!.Slack);
            services.AddSingleton(_ => world!.Messages);
            services.AddScoped<IMessageHandler, FailingMessages.Port>();
            services.AddSingleton(_ => world!.Race);
            services.AddScoped<IRhythmStore, RacingRhythms.Store>();
        });
        world = new TurnWorld(database);
        return world;
    }

    /// <summary>Sets up the collaboration in conversation <paramref name="conversation"/>.</summary>
    public async Task<Guid> SetUpAsync(string conversation = "C1")
    {
        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = "slack",
            WorkspaceId = "T1",
            ConversationId = conversation,
            VaId = Va,
            ClientIds = [Client],
            TimeZone = "Europe/Brussels",
            Language = "en",
            CreatedAt = Instant.FromDateTimeOffset(Clock.GetUtcNow()),
        };
        using var scope = Database.Scope();
        await StorageFixture.Get<ICollaborationStore>(scope).AddAsync(collaboration, default);
        return collaboration.Id;
    }

    public static ChatTurn Command(string person, string text, string? eventId = null, string conversation = "C1") => new()
    {
        Platform = "slack",
        WorkspaceId = "T1",
        ConversationId = conversation,
        Person = new ChatPerson(person, person == Va ? "Ina" : "Tom", "Europe/Brussels", "en"),
        Kind = TurnKind.Command,
        Text = text,
        EventId = eventId,
    };

    public static ChatTurn Message(string person, string text, string eventId) =>
        Command(person, text, eventId) with { Kind = TurnKind.Message };

    /// <summary>Runs a turn as the host's inbox worker does: in a scope of its own.</summary>
    public async Task<TurnOutcome> DispatchAsync(ChatTurn turn)
    {
        using var scope = Database.Scope();
        return await StorageFixture.Get<TurnDispatcher>(scope).DispatchAsync(turn, default);
    }

    public async Task<IReadOnlyList<Rhythm>> RhythmsAsync(Guid collaborationId)
    {
        using var scope = Database.Scope();
        return await StorageFixture.Get<IRhythmStore>(scope).ListWithTrailAsync(collaborationId, default);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
