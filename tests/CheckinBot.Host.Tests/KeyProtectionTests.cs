using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Host.Tests;

/// <summary>With <c>Storage:KeyCertificate</c>, the keys that encrypt the Slack tokens are stored encrypted themselves.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly string pfx = Path.Combine(Path.GetTempPath(), "checkinbot-key-" + Guid.NewGuid().ToString("N") + ".pfx");

    public KeyProtectionTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CheckinBot keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(Start.AddDays(-1), Start.AddYears(5));
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "s3cret"));
    }

    public void Dispose() => File.Delete(pfx);

    [Fact]
    public async Task The_stored_keys_are_encrypted_with_the_certificate_and_still_work()
    {
        await using var bot = await BotServer.StartAsync(Start, null, $"--Storage:KeyCertificate={pfx}", "--Storage:KeyCertificatePassword=s3cret");

        var (xml, roundTrip) = await ProtectAndReadKeysAsync(bot);

        roundTrip.Should().Be("xoxb-secret");
        xml.Should().Contain("encryptedSecret").And.Contain("EncryptedXmlDecryptor").And.NotContain("<masterKey");
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_as_they_are()
    {
        await using var bot = await BotServer.StartAsync(Start);

        var (xml, _) = await ProtectAndReadKeysAsync(bot);

        xml.Should().Contain("<masterKey").And.NotContain("encryptedSecret");
    }

    private static async Task<(string Xml, string RoundTrip)> ProtectAndReadKeysAsync(BotServer bot)
    {
        var protector = bot.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var roundTrip = protector.Unprotect(protector.Protect("xoxb-secret"));
        await using var scope = bot.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CheckinDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        return (string.Join('\n', keys.Select(k => k.Xml)), roundTrip);
    }
}
