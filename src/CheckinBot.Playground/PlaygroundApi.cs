using System.Globalization;
using System.Text.Json;
using CheckinBot.Core.Clock;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Transcripts;
using CheckinBot.Core.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Playground;

/// <summary>The playground's JSON API: speak as the VA or the client, read the transcript, move the clock.</summary>
public static class PlaygroundApi
{
    /// <summary>A message in the playground is a chat line, not a document.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The most transcript messages one answer carries; <c>next</c> says where the following page starts.</summary>
    public const int TranscriptPage = 500;

    private static readonly Duration MaxAdvance = Duration.FromDays(31);

    /// <summary>ISO 8601 with the offset written out: 2026-12-01T17:00:00+01:00.</summary>
    private static readonly OffsetDateTimePattern Iso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static IEndpointRouteBuilder MapPlaygroundApi(this IEndpointRouteBuilder endpoints, bool playgroundEnabled)
    {
        var api = endpoints.MapGroup("/playground/api");
        if (playgroundEnabled)
        {
            api.MapPost("/messages", PostMessage).AddEndpointFilter<PlaygroundWriteGuard>();
            api.MapPost("/actions", PostAction).AddEndpointFilter<PlaygroundWriteGuard>();
            api.MapGet("/transcript", GetTranscript);
            api.MapGet("/config", GetConfig);
        }

        api.MapPost("/clock", AdvanceClock).AddEndpointFilter<PlaygroundWriteGuard>();
        return endpoints;
    }

    internal static async Task<Results<Ok<RepliesResponse>, BadRequest<ErrorResponse>>> PostMessage(
        HttpRequest request, PlaygroundOptions options, ICollaborationStore collaborations, TurnInbox inbox,
        ITranscriptStore transcript, TimeProvider time, CancellationToken cancellationToken)
    {
        var (json, from, error) = await ReadSenderAsync(request, cancellationToken);
        if (error is not null)
        {
            return TypedResults.BadRequest(new ErrorResponse(error));
        }

        var text = StringProperty(json, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return TypedResults.BadRequest(new ErrorResponse("\"text\" must be a non-empty string of valid Unicode."));
        }

        if (text.Length > MaxTextLength)
        {
            return TypedResults.BadRequest(new ErrorResponse($"\"text\" is longer than {MaxTextLength} characters."));
        }

        var where = StringProperty(json, "conversation") ?? "channel";
        if (where is not ("channel" or "direct"))
        {
            return TypedResults.BadRequest(new ErrorResponse("\"conversation\" must be \"channel\" or \"direct\"."));
        }

        var direct = where == "direct";
        var conversation = direct ? PlaygroundOptions.DirectConversation(from) : PlaygroundOptions.Channel;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var said = await transcript.AppendAsync(
            new TranscriptEntry(0, conversation, now, from, text, direct ? from : "all", "message"), PlaygroundOptions.TranscriptLimit, cancellationToken);

        var turn = new ChatTurn
        {
            Platform = PlaygroundOptions.Platform,
            WorkspaceId = PlaygroundOptions.Workspace,
            ConversationId = conversation,
            Person = await PersonAsync(from, options, collaborations, cancellationToken),
            Kind = text.TrimStart().StartsWith('/') ? TurnKind.Command : TurnKind.Message,
            Text = text,
            IsDirect = direct,
            MessageId = said.Id.ToString(CultureInfo.InvariantCulture),
        };

        return TypedResults.Ok(await DispatchAsync(inbox, turn, cancellationToken));
    }

    /// <summary>
    /// A click on a button under a bot message: <c>{"from":"client","message":"12","action":"rhythm.accept","value":"1"}</c>.
    /// Only a button that the message carries, clicked by someone who can see the message, counts.
    /// </summary>
    internal static async Task<Results<Ok<RepliesResponse>, BadRequest<ErrorResponse>>> PostAction(
        HttpRequest request, PlaygroundOptions options, ICollaborationStore collaborations, TurnInbox inbox,
        ITranscriptStore transcript, CancellationToken cancellationToken)
    {
        var (json, from, error) = await ReadSenderAsync(request, cancellationToken);
        if (error is not null)
        {
            return TypedResults.BadRequest(new ErrorResponse(error));
        }

        var message = long.TryParse(StringProperty(json, "message"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await transcript.FindAsync(id, cancellationToken)
            : null;
        if (message is null || message.From != "bot")
        {
            return TypedResults.BadRequest(new ErrorResponse("\"message\" must be the id of a bot message in the transcript."));
        }

        if (message.VisibleTo != "all" && message.VisibleTo != from)
        {
            return TypedResults.BadRequest(new ErrorResponse($"That message is not shown to \"{from}\"."));
        }

        var action = StringProperty(json, "action");
        var value = StringProperty(json, "value");
        if (message.Buttons?.FirstOrDefault(b => b.ActionId == action && b.Value == value) is null)
        {
            return TypedResults.BadRequest(new ErrorResponse("\"action\" and \"value\" must be those of a button on that message."));
        }

        var turn = new ChatTurn
        {
            Platform = PlaygroundOptions.Platform,
            WorkspaceId = PlaygroundOptions.Workspace,
            ConversationId = message.Conversation,
            Person = await PersonAsync(from, options, collaborations, cancellationToken),
            Kind = TurnKind.Action,
            ActionId = action,
            ActionValue = value,
            IsDirect = message.Conversation != PlaygroundOptions.Channel,
            MessageId = message.Id.ToString(CultureInfo.InvariantCulture),
        };

        return TypedResults.Ok(await DispatchAsync(inbox, turn, cancellationToken));
    }

    /// <summary>The JSON body of a person's request and who sends it ("va" or "client"), or why it is refused.</summary>
    private static async Task<(JsonElement Json, string From, string? Error)> ReadSenderAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadJsonAsync(request, cancellationToken);
        if (body.Error is { } error)
        {
            return (default, "", error);
        }

        var json = body.Json!.RootElement;
        return StringProperty(json, "from") is { } from && from is PlaygroundSeeder.VaId or PlaygroundSeeder.ClientId
            ? (json, from, null)
            : (json, "", "\"from\" must be \"va\" or \"client\".");
    }

    private static async Task<ChatPerson> PersonAsync(string from, PlaygroundOptions options, ICollaborationStore collaborations, CancellationToken cancellationToken)
    {
        var person = await collaborations.FindPersonAsync(PlaygroundOptions.Platform, PlaygroundOptions.Workspace, from, cancellationToken);
        var configured = from == PlaygroundSeeder.VaId ? options.Va : options.Client;
        return new ChatPerson(from, person?.DisplayName ?? configured.Name, configured.TimeZone, configured.Language);
    }

    /// <summary>Runs the turn through the one pipeline and answers with the bot messages it caused at once.</summary>
    private static async Task<RepliesResponse> DispatchAsync(TurnInbox inbox, ChatTurn turn, CancellationToken cancellationToken)
    {
        // The playground shows every answer once it is posted (to its transcript): none goes inside the response.
        var pending = new PendingTurn(turn, HandOver.None);
        await inbox.QueueAsync(pending, cancellationToken);
        var outcome = await pending.Completion.WaitAsync(cancellationToken);
        return new RepliesResponse(outcome.Posted
            .Select(p => new Reply(p.Message.Message.PlainText, VisibleTo(p.Message.To), PlaygroundGateway.KindName(p.Message.Message.Kind)))
            .ToList());
    }

    /// <summary>The transcript after a message id, oldest first, at most <see cref="TranscriptPage"/> at a time.</summary>
    internal static async Task<Results<Ok<TranscriptResponse>, BadRequest<ErrorResponse>>> GetTranscript(
        ITranscriptStore transcript, ICollaborationStore collaborations, PlaygroundOptions options, string? after, CancellationToken cancellationToken)
    {
        long afterId = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out afterId))
        {
            return TypedResults.BadRequest(new ErrorResponse("\"after\" must be the id of a message, a whole number."));
        }

        var entries = await transcript.ListAsync(Math.Max(afterId, 0), TranscriptPage + 1, cancellationToken);
        var zone = entries.Count == 0 ? DateTimeZone.Utc : await ZoneAsync(collaborations, options, cancellationToken);
        var next = entries.Count > TranscriptPage
            ? "/playground/api/transcript?after=" + entries[TranscriptPage - 1].Id.ToString(CultureInfo.InvariantCulture)
            : null;
        var messages = entries.Take(TranscriptPage).Select(e => new TranscriptMessage(
            e.Id.ToString(CultureInfo.InvariantCulture),
            Iso.Format(e.At.InZone(zone).ToOffsetDateTime()),
            e.From, e.Text, e.VisibleTo, e.Kind, e.Conversation,
            (e.Buttons ?? []).Select(b => new ButtonResponse(b.ActionId, b.Label, b.Value, b.Primary)).ToList())).ToList();
        return TypedResults.Ok(new TranscriptResponse(messages, next));
    }

    internal static Ok<ConfigResponse> GetConfig(PlaygroundOptions options, IClockControl clock, TimeProvider time) =>
        TypedResults.Ok(new ConfigResponse(
            new PersonConfig(options.Va.Name, options.Va.TimeZone, options.Va.Language),
            new PersonConfig(options.Client.Name, options.Client.TimeZone, options.Client.Language),
            clock.Enabled,
            time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));

    internal static async Task<Results<Ok<ClockResponse>, BadRequest<ErrorResponse>, NotFound>> AdvanceClock(
        HttpRequest request, IClockControl clock, ICollaborationStore collaborations, PlaygroundOptions options, CancellationToken cancellationToken)
    {
        if (!clock.Enabled)
        {
            return TypedResults.NotFound();
        }

        var body = await ReadJsonAsync(request, cancellationToken);
        if (body.Error is { } error)
        {
            return TypedResults.BadRequest(new ErrorResponse(error));
        }

        var text = StringProperty(body.Json!.RootElement, "advance");
        var parsed = text is null ? null : PeriodPattern.NormalizingIso.Parse(text);
        if (parsed is null || !parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
        {
            return TypedResults.BadRequest(new ErrorResponse("\"advance\" must be an ISO 8601 duration such as \"PT2H30M\" or \"P3D\"."));
        }

        if (DurationOf(parsed.Value) is not { } by || by <= Duration.Zero || by > MaxAdvance)
        {
            return TypedResults.BadRequest(new ErrorResponse("\"advance\" must be more than zero and at most 31 days."));
        }

        var now = await clock.AdvanceAsync(by, cancellationToken);
        var zone = await ZoneAsync(collaborations, options, cancellationToken);
        return TypedResults.Ok(new ClockResponse(Iso.Format(now.InZone(zone).ToOffsetDateTime())));
    }

    private static async Task<DateTimeZone> ZoneAsync(ICollaborationStore collaborations, PlaygroundOptions options, CancellationToken cancellationToken)
    {
        var collaboration = await collaborations.FindByConversationAsync(PlaygroundOptions.Platform, PlaygroundOptions.Workspace, PlaygroundOptions.Channel, cancellationToken);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(collaboration?.TimeZone ?? options.Client.TimeZone) ?? DateTimeZone.Utc;
    }

    private static string VisibleTo(Core.Messages.ChatAddress to) =>
        to.DirectTo ?? to.OnlyFor ?? (to.ConversationId is { } c && c.StartsWith("dm-", StringComparison.Ordinal) ? c[3..] : "all");

    /// <summary>The period as a duration; null when it holds more than a duration can (<c>PT9999999999999H</c>).</summary>
    private static Duration? DurationOf(Period period)
    {
        try
        {
            return period.ToDuration();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The one way the API reads a string field: null when it is missing, of another JSON type, or holds a lone
    /// surrogate (<c>"\ud800"</c>, valid JSON that .NET cannot hold); noncharacters come back as U+FFFD.
    /// </summary>
    private static string? StringProperty(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return Words.Clean(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The body as a JSON object; <see cref="PlaygroundWriteGuard"/> has already checked its type and size.</summary>
    private static async Task<(JsonDocument? Json, string? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return json.RootElement.ValueKind == JsonValueKind.Object ? (json, null) : (null, "The body must be a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
    }

    public sealed record ErrorResponse(string Error);

    public sealed record Reply(string Text, string VisibleTo, string Kind);

    public sealed record RepliesResponse(IReadOnlyList<Reply> Replies);

    public sealed record TranscriptMessage(string Id, string At, string From, string Text, string VisibleTo, string Kind, string Conversation, IReadOnlyList<ButtonResponse> Buttons);

    public sealed record ButtonResponse(string Action, string Label, string Value, bool Primary);

    /// <param name="Messages">Oldest first, at most <see cref="TranscriptPage"/>.</param>
    /// <param name="Next">Where the following page is, when there are more messages; null on the last page.</param>
    public sealed record TranscriptResponse(IReadOnlyList<TranscriptMessage> Messages, string? Next);

    public sealed record ClockResponse(string Now);

    public sealed record PersonConfig(string Name, string TimeZone, string Language);

    public sealed record ConfigResponse(PersonConfig Va, PersonConfig Client, bool TimeTravel, string Now);
}
