using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Storage.Tests.Start;

/// <summary>The Data Protection key ring is not loaded while the host starts, but on first use, from the database.</summary>
public class KeyRingLoadsOnFirstUseTests
{
    [Fact]
    public void The_start_does_not_wait_for_the_key_ring()
    {
        var plain = new ServiceCollection();
        plain.AddDataProtection();
        plain.Should().Contain(d => StorageServiceCollectionExtensions.IsKeyRingPreload(d), "Data Protection on its own loads the key ring at start");

        var services = new ServiceCollection();
        services.AddStorage(new StorageOptions { ConnectionString = "Data Source=:memory:" }, Path.GetTempPath());

        services.Should().NotContain(d => StorageServiceCollectionExtensions.IsKeyRingPreload(d));
        services.Should().Contain(d => d.ServiceType == typeof(IDataProtectionProvider), "Data Protection itself stays");
    }

    [Fact]
    public async Task A_secret_protected_on_first_use_is_read_on_another_node()
    {
        await using var db = await StorageFixture.SqliteAsync();
        await using var otherNode = db.AnotherNode();
        using var scope = db.Scope();

        var secret = StorageFixture.Get<IDataProtectionProvider>(scope).CreateProtector("tokens").Protect("xoxb-secret");

        otherNode.GetRequiredService<IDataProtectionProvider>().CreateProtector("tokens").Unprotect(secret).Should().Be("xoxb-secret");
    }
}
