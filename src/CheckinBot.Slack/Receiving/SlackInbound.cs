using System.Text.Json;
using CheckinBot.Core.Turns;
using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// Turns verified Slack requests (commands, events, interactions) into turns for the core's one pipeline and says how
/// to acknowledge them. A slash command waits up to <see cref="SlackOptions.AckBudget"/> for its answer to the sender,
/// which then goes inside the acknowledgement; a later answer goes to the command's <c>response_url</c>. The HTTP
/// endpoints and the Socket Mode receiver share it.
/// </summary>
public sealed class SlackInbound(
    TurnInbox inbox,
    SlackResponseUrls responseUrls,
    SlackClocks clocks,
    IOptions<SlackOptions> options,
    IServiceScopeFactory scopes,
    ILogger<SlackInbound> logger)
{
    /// <summary>The configured API base, read once: a <c>response_url</c> on its host is allowed (a local fake in tests).</summary>
    private readonly Uri? apiBase = Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) ? api : null;

    /// <summary>A slash command that arrived now.</summary>
    public Task<SlackAck> HandleCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        HandleCommandAsync(fields, clocks.Wall.Provider.GetTimestamp(), cancellationToken);

    /// <summary>
    /// A slash command that arrived at <paramref name="arrivedAt"/> (a timestamp of the wall clock's provider): its budget
    /// counts from then, not from when its body was read and parsed, since Slack's 3 seconds do too.
    /// </summary>
    public async Task<SlackAck> HandleCommandAsync(IReadOnlyDictionary<string, string> fields, long arrivedAt, CancellationToken cancellationToken)
    {
        var (turn, error, responseUrl, responseUrlRefused) = SlashCommandReader.Read(fields, apiBase);
        if (turn is null)
        {
            return SlackAck.BadRequest(error!);
        }

        var started = arrivedAt;
        logger.Command(turn.Person.Id, turn.WorkspaceId, turn.ConversationId);
        if (responseUrlRefused)
        {
            // The address comes from the request: only Slack's own hosts get an answer (the signature vouches for the rest).
            logger.ResponseUrlRefused(turn.Person.Id, turn.WorkspaceId, turn.ConversationId);
        }

        if (responseUrl is not null)
        {
            responseUrls.Remember(turn.WorkspaceId, turn.ConversationId, turn.Person.Id, responseUrl);
        }

        var budget = options.Value.AckBudget;
        var pending = new PendingTurn(turn, HandOver.Within(budget, started, clocks.Wall.Provider, InlineAnswers.ForSender));
        var wait = budget - clocks.Wall.Provider.GetElapsedTime(started);
        if (!await inbox.TryQueueAsync(pending, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clocks.Wall.Provider, cancellationToken))
        {
            logger.Busy();
            return SlackAck.Busy(isCommand: true);
        }

        var left = budget - clocks.Wall.Provider.GetElapsedTime(started);
        var answer = await pending.WaitInlineAsync(left, clocks.Wall.Provider, cancellationToken);
        return answer is null ? SlackAck.Empty : SlackAck.Answer(answer.Message, onlyForSender: answer.To.OnlyFor is not null);
    }

    public async Task<SlackAck> HandleEventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        switch (body.Str("type"))
        {
            case "url_verification":
                return body.Str("challenge") is { } challenge ? new SlackAck(200, Text: challenge) : SlackAck.BadRequest("url_verification needs a challenge.");
            case "event_callback":
                var work = EventReader.Read(body);
                var (eventId, eventType, teamId) = (body.Str("event_id"), body.Obj("event").Str("type"), body.Str("team_id"));
                logger.Event(eventId, eventType, teamId, work is null ? "ignored" : "queued");
                return work switch
                {
                    SlackWork.Turn { Value: var turn } => await QueueAsync(new PendingTurn(turn, HandOver.None), cancellationToken),
                    SlackWork.Uninstall uninstall => await UninstallAsync(uninstall, cancellationToken),
                    _ => SlackAck.Empty,
                };
            default:
                return SlackAck.Empty;
        }
    }

    public async Task<SlackAck> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var turn = InteractionReader.Read(payload);
        if (turn is null)
        {
            return SlackAck.Empty;
        }

        logger.Action(turn.ActionId, turn.Person.Id, turn.WorkspaceId, turn.ConversationId);

        // An interaction is acknowledged empty at once: its answers are posted (a response in its acknowledgement would
        // replace the message whose button was clicked).
        return await QueueAsync(new PendingTurn(turn, HandOver.None), cancellationToken);
    }

    private async Task<SlackAck> QueueAsync(PendingTurn pending, CancellationToken cancellationToken)
    {
        if (await inbox.TryQueueAsync(pending, options.Value.AckBudget, clocks.Wall.Provider, cancellationToken))
        {
            return SlackAck.Empty;
        }

        logger.Busy();
        return SlackAck.Busy(isCommand: false);
    }

    /// <summary>The app was uninstalled or its bot token revoked: its credentials go.</summary>
    private async Task<SlackAck> UninstallAsync(SlackWork.Uninstall uninstall, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IInstallationStore>() is { } installations)
        {
            await installations.RemoveAsync(SlackPlatform.Name, uninstall.WorkspaceId, cancellationToken);
        }

        logger.Uninstalled(uninstall.WorkspaceId, uninstall.EventId);
        return SlackAck.Empty;
    }
}
