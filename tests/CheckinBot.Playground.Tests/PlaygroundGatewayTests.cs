using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Transcripts;
using CheckinBot.Playground;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Playground.Tests;

public class PlaygroundGatewayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("channel", null, null, "channel", "all")]
    [InlineData("channel", "client", null, "channel", "client")]
    [InlineData(null, null, "va", "dm-va", "va")]
    [InlineData("dm-client", null, null, "dm-client", "client")]
    public async Task Addresses_become_a_conversation_and_a_visibility(string? conversation, string? onlyFor, string? directTo, string expectedConversation, string expectedVisibleTo)
    {
        var (gateway, transcript) = Create();
        var to = new ChatAddress { Platform = "playground", WorkspaceId = "local", ConversationId = conversation, OnlyFor = onlyFor, DirectTo = directTo };

        var receipt = await gateway.PostAsync(new OutboundMessage(to, BotMessage.Of(MessageKind.Reply, "hello")), default);

        var entry = transcript.Entries.Should().ContainSingle().Subject;
        entry.Conversation.Should().Be(expectedConversation);
        entry.VisibleTo.Should().Be(expectedVisibleTo);
        entry.From.Should().Be("bot");
        receipt.MessageId.Should().Be(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Scheduled_posts_are_stamped_with_their_due_time_and_found_by_occurrence()
    {
        var (gateway, transcript) = Create();
        var due = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
        var update = new BotMessage(MessageKind.Update, "Update from Ina — Tuesday 1 December", ["PDF done"], [], null);

        await gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("playground", "local", "channel"), update, "key-1", due), default);

        var entry = transcript.Entries.Single();
        entry.At.ToDateTimeOffset().Should().Be(due);
        entry.Kind.Should().Be("update");
        entry.Text.Should().Be("Update from Ina — Tuesday 1 December\nPDF done");
        (await gateway.FindPostedAsync(ChatAddress.Conversation("playground", "local", "channel"), "key-1", new PostWindow(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), default)).Should().NotBeNull();
        (await gateway.FindPostedAsync(ChatAddress.Conversation("playground", "local", "channel"), "key-2", new PostWindow(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), default)).Should().BeNull();
    }

    [Fact]
    public async Task Buttons_are_kept_with_the_message_so_the_page_can_offer_them()
    {
        var (gateway, transcript) = Create();
        var proposal = BotMessage.Of(MessageKind.Notice, "Ina proposes #1", new MessageButton("rhythm.accept", "Accept", "1", true));

        await gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("playground", "local", "channel"), proposal), default);

        transcript.Entries.Single().Buttons.Should().Equal(new MessageButton("rhythm.accept", "Accept", "1", true));
    }

    [Theory]
    [InlineData(MessageKind.PingAnswer, "ping-answer")]
    [InlineData(MessageKind.PingAck, "ping-ack")]
    [InlineData(MessageKind.UrgentAlert, "urgent-alert")]
    [InlineData(MessageKind.Notice, "notice")]
    [InlineData(MessageKind.Plan, "plan")]
    public void Kinds_have_the_API_names(MessageKind kind, string name) => PlaygroundGateway.KindName(kind).Should().Be(name);

    private static (PlaygroundGateway Gateway, InMemoryTranscript Transcript) Create()
    {
        var transcript = new InMemoryTranscript();
        var services = new ServiceCollection().AddSingleton<ITranscriptStore>(transcript).BuildServiceProvider();
        return (new PlaygroundGateway(services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(Now)), transcript);
    }

    private sealed class InMemoryTranscript : ITranscriptStore
    {
        public List<TranscriptEntry> Entries { get; } = [];

        public Task<TranscriptEntry> AppendAsync(TranscriptEntry entry, int keep, CancellationToken cancellationToken)
        {
            var stored = entry with { Id = Entries.Count + 1 };
            Entries.Add(stored);
            return Task.FromResult(stored);
        }

        public Task<IReadOnlyList<TranscriptEntry>> ListAsync(long afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TranscriptEntry>>(Entries.Where(e => e.Id > afterId).Take(limit).ToList());

        public Task<TranscriptEntry?> FindAsync(long id, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.FirstOrDefault(e => e.Id == id));

        public Task<TranscriptEntry?> FindByOccurrenceAsync(string occurrenceKey, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.FirstOrDefault(e => e.OccurrenceKey == occurrenceKey));
    }
}
