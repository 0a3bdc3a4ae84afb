using System.Text.Json;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Teams.Activities;

/// <summary>Turns a verified activity into the core's <see cref="ChatTurn"/>, or into nothing when it asks for nothing.</summary>
internal static class TurnReader
{
    public const string Platform = "teams";

    /// <summary>The turn an activity stands for; null for activities CheckinBot does not answer.</summary>
    /// <param name="activity">The verified activity.</param>
    /// <param name="today">The bot's date, which keys the one greeting per conversation and day.</param>
    public static ChatTurn? Read(Activity activity, DateOnly today)
    {
        if (TeamsConversation.Of(activity) is not { } place || activity.From?.Id is not { Length: > 0 } fromId)
        {
            return null;
        }

        if (fromId == activity.Recipient?.Id)
        {
            return null; // the bot's own activity
        }

        var turn = new ChatTurn
        {
            Platform = Platform,
            WorkspaceId = place.WorkspaceId,
            ConversationId = place.ConversationId,
            Person = PersonOf(activity),
            Kind = TurnKind.Message,
            IsDirect = place.IsDirect,
            MessageId = activity.Id,
            // In a channel, answers go in the thread: the one the activity is in, else the message itself (or, for a click, the card).
            ThreadId = place.IsChannel ? place.ThreadId ?? (activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(activity.Text) ? activity.Id : activity.ReplyToId) : null,
            EventId = activity.Id is { Length: > 0 } id ? $"{activity.Conversation!.Id}|{id}" : null,
        };

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return ReadMessage(activity, turn, place);
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction:
                return CardAction.FromExecute(activity.Value) is { } execute
                    ? turn with { Kind = TurnKind.Action, ActionId = execute.ActionId, ActionValue = execute.Value }
                    : null;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                // Teams sends both on one install: greet once per conversation and day.
                return turn with
                {
                    Kind = TurnKind.Install,
                    ThreadId = null,
                    EventId = $"install|{activity.Conversation!.Id}|{today:yyyy-MM-dd}",
                };
            default:
                return null;
        }
    }

    private static ChatTurn ReadMessage(Activity activity, ChatTurn turn, TeamsConversation place)
    {
        if (string.IsNullOrWhiteSpace(activity.Text) && CardAction.FromSubmit(activity.Value) is { } submit)
        {
            return turn with { Kind = TurnKind.Action, ActionId = submit.ActionId, ActionValue = submit.Value };
        }

        // Whether the words are a command is the core's to say; the adapter says whether they address the bot.
        var (text, mentionsBot, names) = MentionText.Clean(activity);
        return turn with { Kind = TurnKind.Message, Text = text, MentionedNames = names, AddressesBot = mentionsBot || place.IsDirect };
    }

    private static ChatPerson PersonOf(Activity activity)
    {
        string? zone = null, locale = null;
        foreach (var entity in activity.Entities ?? [])
        {
            if (ActivityJson.Str(entity, "type") == "clientInfo")
            {
                zone ??= ActivityJson.Str(entity, "timezone");
                locale ??= ActivityJson.Str(entity, "locale");
            }
        }

        zone ??= activity.LocalTimezone;
        locale ??= activity.Locale;
        var from = activity.From!;
        return new ChatPerson(
            from.Id!,
            string.IsNullOrWhiteSpace(from.Name) ? null : from.Name,
            string.IsNullOrWhiteSpace(zone) ? null : zone,
            LanguageOf(locale),
            string.Equals(from.Role, "bot", StringComparison.OrdinalIgnoreCase));
    }

    private static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var end = locale.AsSpan().IndexOfAny('-', '_');
        var language = end < 0 ? locale.AsSpan() : locale.AsSpan(0, end);
        return language.Length is 2 or 3 ? language.ToString().ToLowerInvariant() : null;
    }
}
