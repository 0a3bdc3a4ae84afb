using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>One node of a <see cref="DeliveryWorld"/>: its clock, its gateway, and delivery as the scheduler runs it.</summary>
public sealed class DeliveryNode(ServiceProvider services, FakeTimeProvider clock, GatedGateway gateway, DeliveryOptions options)
{
    public FakeTimeProvider Clock => clock;

    public GatedGateway Gateway => gateway;

    public DeliveryOptions Options => options;

    public Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public async Task<DeliveryReport> DeliverAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OccurrenceDelivery>().DeliverDueAsync(Now, cancellationToken);
    }

    public async Task<bool> PostNowAsync(Guid occurrenceId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OccurrenceDelivery>().PostNowAsync(occurrenceId, Now, default);
    }

    public async Task<T> WithLedgerAsync<T>(Func<IOccurrenceLedger, Task<T>> use)
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>());
    }
}
