namespace CheckinBot.Scheduling.Tests;

public sealed class SqliteDeliveryLoopTests : DeliveryLoopContract
{
    protected override Task<LoopDatabase> CreateDatabaseAsync() => LoopDatabase.SqliteAsync();
}
