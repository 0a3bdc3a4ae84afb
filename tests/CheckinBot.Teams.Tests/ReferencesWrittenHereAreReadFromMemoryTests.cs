using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.References;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// The answer to an activity needs the reference that activity just wrote (or found unchanged): this node reads it from
/// what it wrote, not from the database, while that is fresh and says the conversation is reachable.
/// </summary>
public sealed class ReferencesWrittenHereAreReadFromMemoryTests
{
    private const string Tenant = "tenant-1";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingReferenceStore store = new();
    private readonly SavedReferences saved;

    public ReferencesWrittenHereAreReadFromMemoryTests() => saved = new SavedReferences(time);

    [Fact]
    public async Task TheAnswerToAnActivityReadsNoReferenceFromTheStore()
    {
        var references = References();
        var activity = Personal("a:personal-1", "29:ina");
        await references.RememberAsync(activity, TeamsConversation.Of(activity)!, CancellationToken.None);

        var conversation = await References().FindAsync(Tenant, "a:personal-1", CancellationToken.None);
        var direct = await References().FindAsync(Tenant, ConversationReferences.DirectKey("29:ina"), CancellationToken.None);
        var tenant = await References().FindAsync(Tenant, ConversationReferences.TenantKey, CancellationToken.None);

        store.Reads.Should().Be(0);
        conversation!.ServiceUrl.Should().Be(ServiceUrl);
        conversation.ConversationId.Should().Be("a:personal-1");
        direct!.UserId.Should().Be("29:ina");
        tenant!.ConversationId.Should().BeNull();
    }

    [Fact]
    public async Task AReferenceWrittenLongerAgoThanItsFreshnessIsReadFromTheStore()
    {
        var activity = Personal("a:personal-1", "29:ina");
        await References().RememberAsync(activity, TeamsConversation.Of(activity)!, CancellationToken.None);
        time.Advance(SavedReferences.Freshness);

        var conversation = await References().FindAsync(Tenant, "a:personal-1", CancellationToken.None);

        conversation.Should().NotBeNull();
        store.Reads.Should().Be(2, "the conversation's reference and the tenant's newest service URL");
    }

    [Fact]
    public async Task AnUnreachableReferenceIsReadFromTheStoreSinceAnotherNodeMayHaveClearedIt()
    {
        var activity = Personal("a:personal-1", "29:ina");
        await References().RememberAsync(activity, TeamsConversation.Of(activity)!, CancellationToken.None);
        await References().MarkUnreachableAsync(Tenant, "a:personal-1", CancellationToken.None);
        var readsBefore = store.Reads;

        // Another node saw the person again and wrote the conversation reachable.
        var again = Personal("a:personal-1", "29:ina");
        await new ConversationReferences(store, AllowList(), new SavedReferences(time), time)
            .RememberAsync(again, TeamsConversation.Of(again)!, CancellationToken.None);

        var conversation = await References().FindAsync(Tenant, "a:personal-1", CancellationToken.None);

        conversation!.Unreachable.Should().BeFalse();
        store.Reads.Should().BeGreaterThan(readsBefore);
    }

    [Fact]
    public async Task AKeyThisNodeNeverWroteIsReadFromTheStore()
    {
        var elsewhere = Personal("a:personal-2", "29:tom");
        await new ConversationReferences(store, AllowList(), new SavedReferences(time), time)
            .RememberAsync(elsewhere, TeamsConversation.Of(elsewhere)!, CancellationToken.None);

        var conversation = await References().FindAsync(Tenant, "a:personal-2", CancellationToken.None);

        conversation!.UserId.Should().Be("29:tom");
        store.Reads.Should().Be(2);
    }

    private ConversationReferences References() => new(store, AllowList(), saved, time);

    private static ServiceUrlAllowList AllowList() => new(Options.Create(new TeamsOptions()));

    private static Activity Personal(string conversation, string person) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = person, Name = "Ina" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "CheckinBot" },
        Conversation = new ConversationAccount { Id = conversation, ConversationType = "personal", TenantId = Tenant },
        Text = "help",
    };
}
