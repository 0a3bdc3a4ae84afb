using CheckinBot.Teams.References;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// <see cref="SavedReferences"/> compares a reference field by field, leaving out only the time it was written: a
/// field added to <see cref="ConversationReference"/> and forgotten there would keep a changed reference from being written.
/// </summary>
public sealed class AReferenceDifferingInAnyFieldIsWrittenAgainTests
{
    private static readonly ConversationReference Written = new()
    {
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        ChannelId = "msteams",
        ConversationId = "a:1",
        ConversationType = "personal",
        TenantId = "t1",
        BotId = "28:bot",
        BotName = "CheckinBot",
        UserId = "29:maria",
        UserAadObjectId = "aad",
        Unreachable = false,
        UpdatedAt = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void TheSameReferenceWrittenLaterIsHeldAndEveryOtherFieldCounts()
    {
        var saved = new SavedReferences(new FakeTimeProvider(Written.UpdatedAt));
        saved.Wrote("t1", "a:1", Written);

        saved.Holds("t1", "a:1", Written with { UpdatedAt = Written.UpdatedAt.AddMinutes(1) }).Should().BeTrue();
        foreach (var property in typeof(ConversationReference).GetProperties().Where(p => p.Name != nameof(ConversationReference.UpdatedAt)))
        {
            var changed = Written with { };
            var value = property.PropertyType == typeof(bool) ? (object)!(bool)property.GetValue(Written)! : property.GetValue(Written) + "-changed";
            property.SetValue(changed, value);

            saved.Holds("t1", "a:1", changed).Should().BeFalse("{0} differs", property.Name);
        }
    }
}
