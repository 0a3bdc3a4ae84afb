using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Answers a client's plain messages for the VA: a status check gets the next update time (at most one full
/// answer per window, a light acknowledgement inside it), an urgent message goes to the VA at once, and
/// everything else is work between the two of them: the bot stays out of it. A message is classified first without the
/// VA's open tasks; only when the verdict says they could change it are their titles read and the message classified
/// again with them (a yes/no question about one task is a status check the words alone may not show). Likewise, only
/// when the verdict says an open emergency could change it is the ping log read for the client's last urgent message:
/// a follow-up moments after it ("try the work number on the form") reaches the VA as part of the emergency.
/// </summary>
public sealed class PingResponder(
    IPingClassifier classifier,
    IPingLog pings,
    ICollaborationStore collaborations,
    OutlookReader outlooks,
    IWorkStatus work,
    UrgentEscalation urgent,
    PingOptions options) : IMessageHandler
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        // Only the client's messages: never the VA's own, never someone outside the collaboration.
        if (context.Collaboration is null || context.Side != Side.Client || string.IsNullOrWhiteSpace(context.Turn.Text))
        {
            return [];
        }

        var collaboration = context.Collaboration;
        var last = await pings.LastAnsweredAsync(collaboration.Id, context.Person.Id, cancellationToken);
        if (last is not null && !last.Escalated && context.Now - last.At <= options.UrgentReplyWindow && UrgentReply.Matches(context.Turn.Text))
        {
            return await urgent.FlagAsync(context, last, cancellationToken);
        }

        var va = await collaborations.FindPersonAsync(collaboration.Platform, collaboration.WorkspaceId, collaboration.VaId, cancellationToken);
        var addressees = new PingAddressees(FirstNameOf(va), [collaboration.VaId]);
        var verdict = classifier.Classify(context.Turn.Text, addressees: addressees);
        OpenWork? openWork = null;
        if (verdict.OpenWorkMatters)
        {
            // Only a message whose decision the VA's open tasks can change pays the read of their titles.
            openWork = await work.OpenWorkAsync(collaboration.Id, cancellationToken);
            verdict = classifier.Classify(context.Turn.Text, addressees: addressees, openWork: openWork);
        }

        var followUp = false;
        if (verdict.FollowingUrgentMatters && await InEmergencyAsync(context, cancellationToken))
        {
            verdict = classifier.Classify(context.Turn.Text, addressees: addressees, openWork: openWork, followsUrgent: true);
            followUp = verdict.Class == PingClass.Urgent;
        }

        return verdict.Class switch
        {
            PingClass.Urgent => await urgent.PassOnAsync(context, verdict, cancellationToken, followUp),
            PingClass.StatusCheck => await AnswerAsync(context, verdict, last, va, cancellationToken),
            _ => [],
        };
    }

    private async Task<IReadOnlyList<OutboundMessage>> AnswerAsync(TurnContext context, PingVerdict verdict, Ping? last, Person? va, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var inWindow = last is not null && context.Now - last.At < options.AnswerEvery;
        var count = await pings.CountAsync(collaboration.Id, cancellationToken);
        var ping = new Ping
        {
            Id = Guid.NewGuid(),
            CollaborationId = collaboration.Id,
            PersonId = context.Person.Id,
            At = context.Now,
            Class = PingClass.StatusCheck,
            Outcome = inWindow ? PingOutcome.Acknowledged : PingOutcome.Answered,
            Language = verdict.Language,
            MessageLink = PingReplies.LinkOf(context),
        };
        await pings.AddAsync(ping, cancellationToken);

        if (inWindow)
        {
            return [PingReplies.InThread(context, Acknowledgement(context))];
        }

        var answer = new PingAnswer
        {
            Language = context.Language,
            Zone = context.Zone,
            Now = context.Now,
            ClientName = context.Name,
            VaName = string.IsNullOrEmpty(va?.DisplayName) ? collaboration.VaId : va.DisplayName,
            Outlook = await outlooks.ReadAsync(collaboration.Id, context.Now, cancellationToken),
            Work = await work.GetAsync(collaboration.Id, context.Now, cancellationToken),
            Variant = count,
            PingId = ping.Id,
        };
        return [PingReplies.InThread(context, answer.Compose())];
    }

    /// <summary>Whether the client's last message passed on as urgent came within <see cref="PingOptions.UrgentFollowUpWindow"/>.</summary>
    private async Task<bool> InEmergencyAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var since = context.Now - options.UrgentFollowUpWindow;
        var recent = await pings.ListAsync(context.Collaboration!.Id, since, context.Now, cancellationToken);
        return recent.Any(p => p.PersonId == context.Person.Id && p.EscalatedAt >= since);
    }

    /// <summary>The VA's first name, by which the client may address her ("Ina??"); her id addresses her in a platform's mention.</summary>
    private static string[] FirstNameOf(Person? va) =>
        va?.DisplayName?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? [first] : [];

    /// <summary>A one-line acknowledgement; on Slack the adapter may show it as a 👀 reaction on the message instead.</summary>
    private static BotMessage Acknowledgement(TurnContext context) =>
        BotMessage.Of(MessageKind.PingAck, Localizer.Get(context.Language, "ping.ack", context.Name)) with
        {
            Reaction = context.Turn.MessageId is { } messageId ? new MessageReaction("eyes", messageId) : null,
        };
}
