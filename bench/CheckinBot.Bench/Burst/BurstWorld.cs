using System.Globalization;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Rhythms;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// The agreed world of a burst: conversations with several rhythms each, all due at 17:00 in Brussels on Monday 30
/// November 2037. Written by the parent, as slash commands would over weeks, so a node starts with it on disk.
/// The due minute lies in the future of any real clock: Quartz's SQLite store reads the real time in places, and once
/// the real time had passed a due minute of 30 November 2026 the baseline's triggers no longer fired.
/// </summary>
internal static class BurstWorld
{
    /// <summary>Monday 30 November 2037, 17:00 in Brussels.</summary>
    public static readonly Instant Due = Instant.FromUtc(2037, 11, 30, 16, 0);

    public static readonly Instant AgreedAt = Due - Duration.FromHours(1);

    private const int ConversationsPerSave = 200;

    /// <summary>Writes the world and returns each rhythm with its collaboration.</summary>
    public static async Task<IReadOnlyList<(Guid Rhythm, Guid Collaboration)>> SeedAsync(BurstStore store, int conversations, int perConversation)
    {
        var agreed = new List<(Guid, Guid)>(conversations * perConversation);
        var services = BurstServices.Create(store, new FakeTimeProvider(AgreedAt.ToDateTimeOffset()), new RecordingGateway(), "seed");
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        for (var first = 0; first < conversations; first += ConversationsPerSave)
        {
            await using var scope = provider.CreateAsyncScope();
            var collaborations = scope.ServiceProvider.GetRequiredService<ICollaborationStore>();
            var rhythms = scope.ServiceProvider.GetRequiredService<IRhythmStore>();
            var batch = new List<Rhythm>();
            for (var c = first; c < Math.Min(conversations, first + ConversationsPerSave); c++)
            {
                var collaboration = Collaboration(c);
                await collaborations.AddAsync(collaboration, CancellationToken.None);
                for (var r = 1; r <= perConversation; r++)
                {
                    var rhythm = Rhythm.Propose(collaboration.Id, r, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels",
                        collaboration.VaId, Side.Va, AgreedAt);
                    rhythm.Accept(collaboration.ClientIds[0], Side.Client, AgreedAt);
                    batch.Add(rhythm);
                    agreed.Add((rhythm.Id, collaboration.Id));
                }
            }

            await rhythms.SaveAsync(batch, CancellationToken.None);
        }

        return agreed;
    }

    private static Collaboration Collaboration(int c)
    {
        var n = c.ToString(CultureInfo.InvariantCulture);
        return new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = RecordingGateway.Name,
            WorkspaceId = "W" + (c % 10).ToString(CultureInfo.InvariantCulture),
            ConversationId = "C" + n,
            VaId = "va" + n,
            ClientIds = ["client" + n],
            TimeZone = "Europe/Brussels",
            Language = (c % 3) switch { 0 => "nl", 1 => "en", _ => "fr" },
            CreatedAt = AgreedAt,
        };
    }
}
