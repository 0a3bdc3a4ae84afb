namespace CheckinBot.Host.Tests.Authorization;

/// <summary>
/// Found by the authorization matrix: a client sees status and health, not the VA's task log (<c>tasks</c> refuses
/// him), so his <c>export</c> holds the rhythms and updates he shares, but not her tasks.
/// </summary>
public sealed class ClientExportTests : IAsyncLifetime
{
    private AuthorizationWorld world = null!;

    public async Task InitializeAsync() => world = await AuthorizationWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task AClientsExportLeavesOutTheVasTasks()
    {
        var place = await world.SetUpAsync();
        await place.SayAsync(world, "ina", "start Salary review for Jan");

        var client = string.Join('\n', (await place.SayAsync(world, "tom", "export")).Select(a => a.Message.PlainText));
        var va = string.Join('\n', (await place.SayAsync(world, "ina", "export")).Select(a => a.Message.PlainText));

        va.Should().Contain("Salary review for Jan", "the VA's export holds her own tasks");
        client.Should().NotContain("Salary review for Jan").And.Contain("\"rhythms\"");
    }
}
