namespace CheckinBot.Core.Pings.Classification;

/// <summary>
/// Cues that something must reach the VA now. A message is urgent from a total weight of 2:
/// an urgent word alone suffices; softer signs (a countdown, "!!", "are you there?") need company.
/// </summary>
internal static class UrgentCues
{
    public static readonly CueRule[] Rules =
    [
        CueRule.Urgent(2, "dringend~|hoogdringend|urgent~|urgente|urgence|urgently|urgentissime|immediatement|asap|zsm|spoed|spoedgeval|noodgeval|emergency~|onmiddellijk~|immediately~|immediate|911|sos|<siren>|<sos>"),
        CueRule.Urgent(2, "zo snel mogelijk"),
        CueRule.Urgent(2, "zo vlug mogelijk"),
        CueRule.Urgent(2, "as soon as possible"),
        CueRule.Urgent(2, "right now|away"),
        CueRule.Urgent(2, "tout de suite"),
        CueRule.Urgent(2, "au plus vite|tot"),
        CueRule.Urgent(2, "le plus vite|rapidement possible"),
        CueRule.Urgent(2, "au secours"),
        CueRule.Urgent(2, "^ critical|kritiek|critique"),
        CueRule.Urgent(2, "time sensitive|critical"),
        CueRule.Urgent(2, "drop everything"),
        CueRule.Urgent(2, "laat alles vallen"),
        CueRule.Urgent(2, "laisse tout tomber"),
        CueRule.Urgent(2, "^ help~|hulp|aide"),
        CueRule.Urgent(2, "HELP|HULP|NOW|NU|MAINTENANT|VITE"),
        CueRule.Urgent(2, "need|needed|nodig|faut|besoin ...3 now|nu|maintenant"),
        CueRule.Urgent(2, "now|nu needed|nodig"),
        CueRule.Urgent(2, "bel|call|appelle|phone me|moi nu|now|maintenant|direct|meteen"),
        CueRule.Urgent(2, "nu meteen|direct"),

        // What is broken: the site, the shop, the accounts.
        CueRule.Urgent(2, "ligt|liggen plat", "outage"),
        CueRule.Urgent(2, "plat ligt|liggen", "outage"),
        CueRule.Urgent(2, "site|website|server|shop|webshop|platform|app|portal|mail|email|drive|systeem|system ...1 is|are|went|goes|ging|gaat down|offline|plat", "outage"),
        CueRule.Urgent(2, "en panne", "outage"),
        CueRule.Urgent(2, "hacked|gehackt|pirate|piratee|phishing|datalek", "security incident"),
        CueRule.Urgent(2, "data leak|breach", "security incident"),
        CueRule.Urgent(2, "fuite de donnees", "security incident"),
        CueRule.Urgent(1, "stuk|kapot|broken|plante|bug|crashed|crash", "something broken"),
        CueRule.Urgent(1, "can|could t|not ...2 checkout|check|login|log|pay|order|access|open", "something broken"),
        CueRule.Urgent(1, "cannot ...2 checkout|check|login|log|pay|order|access|open", "something broken"),
        CueRule.Urgent(1, "kan|kunnen niet ...3 afrekenen|inloggen|betalen|bestellen|openen|aan", "something broken"),
        CueRule.Urgent(1, "wil|wilt niet open|openen|opstarten", "something broken"),
        CueRule.Urgent(1, "peux|peut|peuvent pas|plus ...3 payer|commander|connecter|ouvrir", "something broken"),
        CueRule.Urgent(1, "werkt|werken niet|nie", "something broken"),
        CueRule.Urgent(1, "not|isn|doesn|don ...2 working|work|loading|load", "something broken"),
        CueRule.Urgent(1, "marche|marchent|fonctionne|fonctionnent pas|plus", "something broken"),
        CueRule.Urgent(1, "error|errors|foutmelding|foutmeldingen|erreur|erreurs", "something broken"),
        CueRule.Urgent(1, "geen|no|plus|pas toegang|access|acces", "something broken"),
        CueRule.Urgent(1, "locked|buitengesloten|bloque|bloquee|geblokkeerd|blocked|frozen|bevroren|gele|gelee", "something blocked"),
        CueRule.Urgent(2, "payment|payments|betaling|paiement|virement|transfer|overschrijving|card|kaart|carte ...3 bounced|failed|declined|rejected|geweigerd|mislukt|rejete|refuse|refusee|bloquee|geblokkeerd|teruggestort", "money problem"),
        CueRule.Urgent(1, "losing|verliezen|perdons|perd|perdent ...2 sales|money|orders|customers|clients|commandes|ventes|argent|geld|klanten|bestellingen|omzet", "losing money"),
        CueRule.Urgent(1, "wrong|verkeerde|mauvaise|mauvais ...4 client|clients|klant|klanten|list|lijst|liste|fichier", "sent to the wrong people"),
        CueRule.Urgent(1, "today|vandaag|aujourd ...4 before|by|voor|tegen|uiterlijk|avant #time|noon|midday|middag|midi", "deadline today"),
        CueRule.Urgent(1, "half an hour", "time pressure"),
        CueRule.Urgent(1, "half uur|halfuur", "time pressure"),
        CueRule.Urgent(1, "une demi heure", "time pressure"),
        CueRule.Urgent(1, "help me|mij|moi", "plea for help"),
        CueRule.Urgent(1, "stolen|gestolen|vole|volee|voles|gepikt", "something stolen"),
        CueRule.Urgent(1, "aide moi|nous", "plea for help"),
        CueRule.Urgent(1, "verdwenen|disparu|disparus|disparue|corrompu|corrupt|corrupted", "something lost"),
        CueRule.Urgent(1, "everything|alles|tout ...1 gone|weg|kwijt|perdu|parti", "something lost"),

        // Pressure around the message: a countdown, someone waiting, alarm.
        CueRule.Urgent(1, "over|in|dans|within|binnen #num min|mins|minuten|minutes|minuut|minute|m", "time pressure"),
        CueRule.Urgent(1, "over|binnen een kwartier", "time pressure"),
        CueRule.Urgent(1, "within|binnen|dans the|het|l hour|uur|heure", "time pressure"),
        CueRule.Urgent(1, "in #num $", "time pressure"),
        CueRule.Urgent(1, "meteen|direct|onmiddellijk|vite", "time pressure"),
        CueRule.Urgent(1, "are #you there", "alarm"),
        CueRule.Urgent(1, "ben|bent #you daar", "alarm"),
        CueRule.Urgent(1, "es|etes #you la", "alarm"),
        CueRule.Urgent(1, "paniek|panic|panique|paniquer|<fire>|<scream>", "alarm"),
        CueRule.Urgent(1, "on the line|phone", "someone waiting"),
        CueRule.Urgent(1, "aan de lijn|telefoon", "someone waiting"),
        CueRule.Urgent(1, "au telephone|bout du fil", "someone waiting"),
        CueRule.Urgent(1, "waiting|wachten|attend|attendent", "someone waiting"),
    ];

    /// <summary>Urgency denied or softened; urgent words inside these spans do not count.</summary>
    public static readonly CueRule[] Calm =
    [
        CueRule.Calm("niet|geen|not|no|pas|rien|nothing|nicht|non ...2 dringend~|urgent~|rush|haast|spoed|presse|pressee|urgence|hurry|stress|asap"),
        CueRule.Calm("zonder|without|sans ...1 haast|rush|stress|urgence"),
        CueRule.Calm("dringend eens"),
        CueRule.Calm("whenever|sometime|ooit|eens"),
        CueRule.Calm("un de ces jours"),
        CueRule.Calm("quand tu peux|auras"),
        CueRule.Calm("when you can|get"),
        CueRule.Calm("als je tijd|even heb|hebt"),
    ];
}
