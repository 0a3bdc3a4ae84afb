namespace CheckinBot.Scheduling.Tests;

public sealed class PostgresDeliveryLoopTests : DeliveryLoopContract
{
    protected override Task<LoopDatabase> CreateDatabaseAsync() => LoopDatabase.PostgresAsync();
}
