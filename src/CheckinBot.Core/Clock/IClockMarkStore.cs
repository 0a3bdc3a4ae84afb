using NodaTime;

namespace CheckinBot.Core.Clock;

/// <summary>Port: how far the bot's clock was moved, so that time travel survives a restart instead of jumping back.</summary>
public interface IClockMarkStore
{
    Task<Instant?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(Instant travelledTo, CancellationToken cancellationToken);
}
