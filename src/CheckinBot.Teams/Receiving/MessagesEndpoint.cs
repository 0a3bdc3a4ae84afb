using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using CheckinBot.Core.Turns;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.References;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Receiving;

/// <summary>
/// <c>POST /api/messages</c>: verify the token, read the activity, check it against the token, remember where it came
/// from, then acknowledge and queue the work (Teams resends what is not answered within 15 seconds). Card clicks
/// (<c>adaptiveCard/action</c>) are answered within the request, with a card.
/// </summary>
internal static class MessagesEndpoint
{
    /// <summary>Activities are small; a megabyte is more than any of them.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private const string CutOff = "cut off";

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        BotAuthenticator authenticator,
        ConversationReferences references,
        TurnInbox inbox,
        TimeProvider time,
        ILogger<BotAuthenticator> logger,
        CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellationToken);
        if (!auth.Accepted)
        {
            return Refuse(http, logger, auth);
        }

        var (activity, problem) = await ReadAsync(http.Request, cancellationToken);
        if (problem == CutOff)
        {
            // The client went away mid-body: its error, logged quietly; there is no one to answer.
            logger.BodyCutOff();
            return Results.BadRequest();
        }

        if (activity is null)
        {
            return Results.Problem(statusCode: problem == "too large" ? 413 : 400, detail: "The body is not a Bot Framework activity: " + problem + ".");
        }

        var authorized = authenticator.Authorize(auth.Caller!, activity);
        if (!authorized.Accepted)
        {
            return Refuse(http, logger, authorized);
        }

        if (string.IsNullOrWhiteSpace(activity.Type) || TeamsConversation.Of(activity) is not { } place)
        {
            return Results.Problem(statusCode: 400, detail: "The activity has no type or no conversation.");
        }

        logger.Received(activity.Id, activity.Type, place.ConversationId);
        await references.RememberAsync(activity, place, cancellationToken);
        var turn = TurnReader.Read(activity, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

        if (activity.Type == ActivityTypes.Invoke)
        {
            if (activity.Name != ActivityTypes.AdaptiveCardAction)
            {
                return Results.Ok(); // other invokes (message extensions, tabs) are not offered
            }

            var invoke = http.RequestServices.GetRequiredService<CardActionInvoke>();
            return Results.Json(await invoke.AnswerAsync(turn, activity.Id, time, cancellationToken), statusCode: 200);
        }

        if (turn is null)
        {
            return Results.Ok();
        }

        // Teams does not send a refused message again: when the workers are behind, the request waits for room instead.
        // A message is answered through the connector, as Teams expects: nothing goes inside its acknowledgement.
        await inbox.QueueAsync(new PendingTurn(turn, HandOver.None), cancellationToken);
        return Results.Ok();
    }

    private static IResult Refuse(HttpContext http, ILogger logger, AuthResult result)
    {
        logger.Refused(result.Status, result.Reason ?? "");
        if (result.Status == 401)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Results.Problem(statusCode: result.Status, detail: result.Reason);
    }

    /// <summary>
    /// Reads the body into Kestrel's own pooled buffers and parses it where it lies: no copy, no buffer of our own.
    /// </summary>
    private static async Task<(Activity? Activity, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, "too large");
        }

        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "not JSON");
        }

        var body = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await body.ReadAsync(cancellationToken);
                if (read.Buffer.Length > MaxBodyBytes)
                {
                    body.AdvanceTo(read.Buffer.End);
                    return (null, "too large");
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }

                // Nothing consumed, everything seen: the next read returns the whole body so far, and more.
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, "too large");
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            return (null, CutOff);
        }

        if (read.IsCanceled)
        {
            body.AdvanceTo(read.Buffer.End);
            return (null, CutOff);
        }

        try
        {
            return Parse(read.Buffer) is { } activity ? (activity, null) : (null, "empty");
        }
        catch (JsonException)
        {
            return (null, "malformed JSON");
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }
    }

    private static Activity? Parse(ReadOnlySequence<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var activity = JsonSerializer.Deserialize(ref reader, TeamsJson.Default.Activity);

        // One value and nothing after it, as when the whole body is parsed at once (a second value throws here too).
        return reader.Read() ? throw new JsonException("Text after the activity.") : activity;
    }
}
