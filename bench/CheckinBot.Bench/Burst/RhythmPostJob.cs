using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using NodaTime;
using Quartz;

namespace CheckinBot.Bench.Burst;

/// <summary>The baseline's job: one rhythm's update, read, composed and posted when its own trigger fires.</summary>
internal sealed class RhythmPostJob(IRhythmStore rhythms, ICollaborationStore collaborations, IDraftStore drafts, ITaskStore tasks, ChatGateways gateways) : IJob
{
    public const string RhythmKey = "rhythm";
    public const string CollaborationKey = "collaboration";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var rhythmId = Guid.Parse(context.MergedJobDataMap.GetString(RhythmKey)!);
        var collaborationId = Guid.Parse(context.MergedJobDataMap.GetString(CollaborationKey)!);
        var due = Instant.FromDateTimeOffset(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        var rhythm = (await rhythms.GetManyAsync([rhythmId], cancellationToken)).Single();
        var collaboration = (await collaborations.GetManyAsync([collaborationId], cancellationToken)).Single();
        var va = await collaborations.FindPersonAsync(collaboration.Platform, collaboration.WorkspaceId, collaboration.VaId, cancellationToken);
        var draft = await drafts.GetAsync(collaborationId, cancellationToken);
        var open = await tasks.ListOpenManyAsync([collaborationId], due - Duration.FromDays(31), cancellationToken);
        var log = new WorkLog(open.TryGetValue(collaborationId, out var list) ? list : [], null);
        var message = UpdateComposer.Compose(collaboration, rhythm, va?.DisplayName ?? collaboration.VaId, draft, log, due, late: false);
        var channel = ChatAddress.Conversation(collaboration.Platform, collaboration.WorkspaceId, collaboration.ConversationId);
        await gateways.For(collaboration.Platform).PostAsync(
            new OutboundMessage(channel, message, Occurrence.KeyOf(rhythmId, due), due.ToDateTimeOffset()), cancellationToken);
    }
}
