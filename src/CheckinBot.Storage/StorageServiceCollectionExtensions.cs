using CheckinBot.Core.Clock;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Transcripts;
using CheckinBot.Core.Workspaces;
using CheckinBot.Storage.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Whether a registration is the hosted service with which <c>AddDataProtection()</c> loads the key ring at start. The
    /// type is internal to Data Protection, so it is known by its assembly rather than by a name that could change.
    /// </summary>
    public static bool IsKeyRingPreload(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService)
        && descriptor.ImplementationType?.Assembly == typeof(DataProtectionServiceCollectionExtensions).Assembly;

    /// <summary>
    /// Registers the stores on the configured provider, and Data Protection with its keys in the database.
    /// Returns the connection string in use (the scheduler shares it).
    /// </summary>
    public static string AddStorage(this IServiceCollection services, StorageOptions options, string dataFolder)
    {
        var connectionString = ConnectionStringFor(options, dataFolder);
        var factory = new CheckinDbContextFactory(options, connectionString);
        services.AddSingleton(options);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<CheckinDbContext>>(factory);
        services.AddScoped(_ => factory.CreateDbContext());
        services.AddScoped<ICollaborationStore, CollaborationStore>();
        services.AddScoped<IRhythmStore, RhythmStore>();
        services.AddScoped<IOccurrenceLedger, OccurrenceLedger>();
        services.AddScoped<IDraftStore, DraftStore>();
        services.AddScoped<ITaskStore, TaskStore>();
        services.AddScoped<IPersonalDataStore, PersonalDataStore>();
        services.AddScoped<IEventLedger, EventLedger>();
        services.AddScoped<IInstallationStore, InstallationStore>();
        services.AddScoped<IConversationReferenceStore, ConversationReferenceStore>();
        services.AddScoped<ITranscriptStore, TranscriptStore>();
        services.AddScoped<IClockMarkStore, ClockMarkStore>();
        services.AddScoped<IPingLog, PingLog>();
        services.AddScoped<IOAuthStateStore, OAuthStateStore>();
        services.AddSingleton<DatabaseMigrator>();
        var protection = services.AddDataProtection()
            .SetApplicationName("CheckinBot")
            .PersistKeysToDbContext<CheckinDbContext>();
        if (options.KeyCertificate is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        // Data Protection loads its key ring in a hosted service before the host starts, which costs a start more than half
        // a second of CPU (an EF query compiled, a key made on a new database). Nothing needs the keys to serve webhooks or to
        // run the scheduler: the key ring loads on first use instead (a token to decrypt, an OAuth state to sign).
        foreach (var preload in services.Where(IsKeyRingPreload).ToList())
        {
            services.Remove(preload);
        }

        return connectionString;
    }

    /// <summary>The SQLite file under the data folder unless a connection string is given.</summary>
    public static string ConnectionStringFor(StorageOptions options, string dataFolder)
    {
        if (options.IsPostgres)
        {
            return options.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataFolder), "checkinbot.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
