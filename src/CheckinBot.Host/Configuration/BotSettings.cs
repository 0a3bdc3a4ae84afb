using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Turns;
using CheckinBot.Playground;
using CheckinBot.Scheduling;
using CheckinBot.Storage;
using NodaTime;

namespace CheckinBot.Host.Configuration;

/// <summary>The host's settings, read from configuration and validated at start: a wrong value names its key.</summary>
public sealed class BotSettings
{
    public required string DataFolder { get; init; }
    public required StorageOptions Storage { get; init; }
    public required SchedulingOptions Scheduling { get; init; }
    public required PlaygroundOptions Playground { get; init; }
    public required DeliveryOptions Delivery { get; init; }
    public required PingOptions Pings { get; init; }
    public TurnOptions Turns { get; init; } = new();

    /// <summary><c>Storage:KeyCertificate</c>: a PKCS#12 file with a private key, opened with <c>Storage:KeyCertificatePassword</c>.</summary>
    private static X509Certificate2? KeyCertificate(IConfiguration configuration)
    {
        const string key = "Storage:KeyCertificate";
        if (NullIfEmpty(configuration[key]) is not { } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Storage:KeyCertificatePassword"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ConfigurationException(key, $"cannot be read as a .pfx file with Storage:KeyCertificatePassword ({e.GetType().Name}).");
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new ConfigurationException(key, "must hold a private key, to decrypt the keys it protects.");
    }

    public static BotSettings Read(IConfiguration configuration, bool isDevelopment)
    {
        var provider = configuration["Storage:Provider"] ?? StorageOptions.Sqlite;
        if (!provider.Equals(StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !provider.Equals(StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("Storage:Provider", $"must be Sqlite or Postgres, not '{provider}'.");
        }

        var storage = new StorageOptions
        {
            Provider = provider,
            ConnectionString = NullIfEmpty(configuration["Storage:ConnectionString"]),
            KeyCertificate = KeyCertificate(configuration),
        };
        if (storage.IsPostgres && storage.ConnectionString is null)
        {
            throw new ConfigurationException("Storage:ConnectionString", "is required when Storage:Provider is Postgres.");
        }

        var dataFolder = NullIfEmpty(configuration["DataFolder"]) ?? "./data";
        var scheduling = new SchedulingOptions
        {
            TimeTravel = Bool(configuration, "Clock:TimeTravel", isDevelopment),
            RunScheduler = Bool(configuration, "Scheduling:Enabled", true),
            DeliveryPoll = Span(configuration, "Delivery:Poll", Duration.FromTimeSpan(new SchedulingOptions().DeliveryPoll)).ToTimeSpan(),
        };

        var playground = new PlaygroundOptions
        {
            Enabled = Bool(configuration, "Playground:Enabled", isDevelopment),
            Va = Person(configuration, "Playground:Va", new PlaygroundOptions().Va),
            Client = Person(configuration, "Playground:Client", new PlaygroundOptions().Client),
        };

        var delivery = new DeliveryOptions
        {
            ReminderLead = Span(configuration, "Delivery:ReminderLead", new DeliveryOptions().ReminderLead),
            GracePeriod = Span(configuration, "Delivery:GracePeriod", new DeliveryOptions().GracePeriod),
            BatchSize = Int(configuration, "Delivery:BatchSize", new DeliveryOptions().BatchSize),
            Parallelism = Int(configuration, "Delivery:Parallelism", new DeliveryOptions().Parallelism),
            Lease = Span(configuration, "Delivery:Lease", new DeliveryOptions().Lease),
            MaxAttempts = Int(configuration, "Delivery:MaxAttempts", new DeliveryOptions().MaxAttempts),
        };

        var pings = new PingOptions
        {
            AnswerEvery = Span(configuration, "Pings:AnswerEvery", new PingOptions().AnswerEvery),
            UrgentReplyWindow = Span(configuration, "Pings:UrgentReplyWindow", new PingOptions().UrgentReplyWindow),
            UrgentFollowUpWindow = Span(configuration, "Pings:UrgentFollowUpWindow", new PingOptions().UrgentFollowUpWindow),
        };

        var defaults = new TurnOptions();
        var turns = new TurnOptions
        {
            QueueCapacity = Int(configuration, "Turns:QueueCapacity", defaults.QueueCapacity),
            Workers = Int(configuration, "Turns:Workers", defaults.Workers),
            IntroductionQueueCapacity = Int(configuration, "Turns:IntroductionQueueCapacity", defaults.IntroductionQueueCapacity),
            AskDirectoryEvery = Span(configuration, "Turns:AskDirectoryEvery", Duration.FromTimeSpan(defaults.AskDirectoryEvery)).ToTimeSpan(),
            RecentReadsLifetime = Span(configuration, "Turns:RecentReadsLifetime",
                Duration.FromTimeSpan(storage.IsPostgres ? defaults.RecentReadsLifetime : TurnOptions.SingleNodeRecentReadsLifetime)).ToTimeSpan(),
        };
        return new BotSettings
        {
            DataFolder = dataFolder, Storage = storage, Scheduling = scheduling, Playground = playground, Delivery = delivery, Pings = pings, Turns = turns,
        };
    }

    private static PlaygroundPerson Person(IConfiguration configuration, string section, PlaygroundPerson defaults)
    {
        var name = NullIfEmpty(configuration[$"{section}:Name"]) ?? defaults.Name;
        var zone = NullIfEmpty(configuration[$"{section}:TimeZone"]) ?? defaults.TimeZone;
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            throw new ConfigurationException($"{section}:TimeZone", $"'{zone}' is not an IANA time zone (like Europe/Brussels).");
        }

        var language = NullIfEmpty(configuration[$"{section}:Language"]) ?? defaults.Language;
        if (CommandParser.LanguageOf(language) is not { } normalized)
        {
            throw new ConfigurationException($"{section}:Language", $"must be nl, en or fr, not '{language}'.");
        }

        return new PlaygroundPerson { Name = name, TimeZone = zone, Language = normalized };
    }

    private static bool Bool(IConfiguration configuration, string key, bool fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var parsed) ? parsed : throw new ConfigurationException(key, $"must be true or false, not '{value}'.");
    }

    private static int Int(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ConfigurationException(key, $"must be a positive whole number, not '{value}'.");
    }

    private static Duration Span(IConfiguration configuration, string key, Duration fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? Duration.FromTimeSpan(parsed)
            : throw new ConfigurationException(key, $"must be a positive duration like 00:15:00, not '{value}'.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
