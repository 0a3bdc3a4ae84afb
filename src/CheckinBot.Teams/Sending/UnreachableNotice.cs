using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;

namespace CheckinBot.Teams.Sending;

/// <summary>What the VA is told when Teams refuses writes to her collaboration's conversation.</summary>
internal static class UnreachableNotice
{
    public static BotMessage For(string? language, string? conversationName) => BotMessage.Of(MessageKind.Notice,
        string.Format(Localizer.Culture(language ?? "en"), Localizer.Normalize(language) switch
        {
            "nl" => "Ik kan niet meer posten in {0}, waar je updates komen: CheckinBot werd daar verwijderd of geblokkeerd. Voeg de app daar opnieuw toe om verder te gaan.",
            "fr" => "Je ne peux plus publier dans {0}, où vont vos mises à jour : CheckinBot y a été retiré ou bloqué. Ajoutez l'application à nouveau pour reprendre.",
            _ => "I can no longer post in {0}, where your updates go: CheckinBot was removed or blocked there. Add the app there again to resume.",
        }, string.IsNullOrWhiteSpace(conversationName) ? Fallback(language) : conversationName));

    private static string Fallback(string? language) => Localizer.Normalize(language) switch
    {
        "nl" => "het gedeelde gesprek",
        "fr" => "la conversation partagée",
        _ => "the shared conversation",
    };
}
