using CheckinBot.Testing;
using System.Globalization;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Turns;
using CheckinBot.Host.Configuration;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Host.Tests.Authorization;

/// <summary>
/// The core's router on the real stores (SQLite in a temporary folder). Each <see cref="SetUpAsync"/> builds a fresh
/// collaboration in a workspace of its own: Ina (the VA) and Tom (the client) in channel C, with rhythm #1 agreed, #2
/// proposed by Tom, a pending occurrence of #1, and a ping of Tom's. Eve is in the channel but not in the
/// collaboration; Noor is in no collaboration at all.
/// </summary>
public sealed class AuthorizationWorld : IAsyncDisposable
{
    public const string Platform = "test";
    public const string Channel = "C";

    /// <summary>Wednesday 25 November 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly ScratchFolder folder;
    private readonly ServiceProvider services;
    private int worlds;

    private AuthorizationWorld(ScratchFolder folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        this.services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<AuthorizationWorld> StartAsync()
    {
        var folder = new ScratchFolder("authz");
        Directory.CreateDirectory(folder.Path);
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddStorage(new StorageOptions(), folder.Path);
        collection.AddCheckinCore(new DeliveryOptions { WorkerId = "authz" });
        collection.AddScoped<Schedule>();
        collection.AddScoped<OccurrencePlanner>();
        collection.AddScoped<OccurrenceDelivery>();
        collection.AddSingleton<IChatGateway>(new RecordingGateway(Platform));
        var world = new AuthorizationWorld(folder, collection.BuildServiceProvider(), clock);
        await world.services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return world;
    }

    /// <summary>A fresh collaboration in a workspace of its own.</summary>
    public async Task<Place> SetUpAsync()
    {
        var place = new Place("W" + Interlocked.Increment(ref worlds));
        await place.SayAsync(this, "ina", "setup <@tom> tz Europe/Brussels lang en");
        await place.SayAsync(this, "ina", "propose plan mon 09:00");
        await place.SayAsync(this, "tom", "accept");
        await place.SayAsync(this, "tom", "propose update weekdays 17:00");

        var collaboration = await WithAsync(s => s.GetRequiredService<ICollaborationStore>().FindByConversationAsync(Platform, place.Workspace, Channel, default))
            ?? throw new InvalidOperationException("setup made no collaboration");
        var rhythms = await WithAsync(s => s.GetRequiredService<IRhythmStore>().ListByCollaborationAsync(collaboration.Id, default));
        var agreed = rhythms.Single(r => r.Number == 1);
        agreed.State.Should().Be(RhythmState.Agreed);
        var due = Instant.FromUtc(2026, 11, 30, 8, 0);
        var occurrence = await WithAsync(async s =>
        {
            var ledger = s.GetRequiredService<IOccurrenceLedger>();
            await ledger.AddMissingAsync([new OccurrenceSeed(agreed.Id, collaboration.Id, due, due - Duration.FromMinutes(15))], default);
            return await ledger.FindAsync(agreed.Id, due, default);
        });

        var answer = await place.SayAsync(this, "tom", "any update on the newsletter?", TurnKind.Message);
        var urgent = answer.SelectMany(a => a.Message.Buttons).FirstOrDefault(b => b.ActionId == ActionIds.FlagUrgent)
            ?? throw new InvalidOperationException("the ping answer has no urgent button");
        place.OccurrenceId = occurrence!.Id.ToString("N", CultureInfo.InvariantCulture);
        place.PingId = urgent.Value;
        place.CollaborationId = collaboration.Id;
        return place;
    }

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(ChatTurn turn) =>
        await WithAsync(s => s.GetRequiredService<TurnRouter>().HandleAsync(turn, CancellationToken.None));

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }
}
