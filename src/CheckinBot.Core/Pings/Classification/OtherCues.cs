namespace CheckinBot.Core.Pings.Classification;

/// <summary>
/// Evidence that a message is not a status check even though it may share its words: work asked
/// for ("can you update the spreadsheet?"), news given ("Update: the client wants…"), updates
/// declined ("geen update nodig"), small talk about the VA's life, experience questions.
/// </summary>
internal static class OtherCues
{
    public static readonly CueRule[] Rules =
    [
        CueRule.Not(3, "work request", "update~|updaten|bijwerken #object"),
        CueRule.Not(3, "work request", "mettre|mets|mettez a jour"),
        CueRule.Not(3, "work request", "update~|updates to"),
        CueRule.Not(5, "no update wanted", "geen|no|zonder|without|sans|pas update~|updates|status|point"),
        CueRule.Not(5, "no update wanted", "don|do|dont|doesn|needn ...1 t|not ...2 send|give|need|have ...4 update~|updates"),
        CueRule.Not(5, "no update wanted", "no need ...4 update~|updates|check"),
        CueRule.Not(5, "no update wanted", "pas besoin ...4 point|update|nouvelles|jour"),
        CueRule.Not(5, "no update wanted", "hoeft|hoef|hoeven ...4 geen|niet ...3 update~|updates|laten"),
        CueRule.Not(4, "news given", "update~|status from|van|de my|mijn|ma|me"),
        CueRule.Not(4, "news given", "^ status of|van|de|du ...4 is|was|staat|est|changed|gewijzigd"),
        CueRule.Not(2, "personal question", "met|aan|with|to je|jou|jouw|you $"),
        CueRule.Not(2, "personal question", "aan|met|van je|jouw nieuwe|nieuw"),
        CueRule.Not(2, "personal question", "#you|your|je|jouw|ton|ta|tes|votre|vos|van ...1 #personal"),
        CueRule.Not(2, "personal question", "how s|is|was your|the #personal"),
        CueRule.Not(2, "personal question", "long time no"),
        CueRule.Not(2, "personal question", "lang niet gesproken|gezien|gehoord"),
        CueRule.Not(2, "personal question", "ca fait longtemps"),
        CueRule.Not(2, "personal question", "beterschap|feeling|ziek|malade|sick"),
        CueRule.Not(2, "personal question", "nieuws|news|nouvelles van|of|de je|your|ton|ta|tes"),
        CueRule.Not(3, "experience question", "ever|ooit|jamais"),
        CueRule.Not(3, "experience question", "al eens"),
        CueRule.Not(3, "ready for a meeting", "klaar|ready|pret|prete voor|for|pour ...3 #moment"),
        CueRule.Not(3, "arrival, not progress", "check|checking|checken in at|to|tonight|vanavond"),
        CueRule.Not(3, "arrival, not progress", "get|got|gotten|arrive|arrived|aangekomen|geraakt|arrive|arrivee ...2 office|airport|station|hotel|home|kantoor|thuis|bureau|gare|aeroport|safely|safe|ok|okay|goed|bien"),
        CueRule.Not(3, "expecting the person back", "expect|verwachten|attend|attendre #you|jou|te|vous ...1 back|terug|retour"),
        CueRule.Not(3, "a request for when it is done", "when|once|zodra|quand|lorsque|des it|het|c|ca|that ...1 #done|#donefr"),
        CueRule.Not(2, "instruction", "vergeet|oublie ...3 niet|pas"),
        CueRule.Not(2, "instruction", "don t|dont forget"),
        CueRule.Not(2, "instruction", "from now on"),
        CueRule.Not(2, "instruction", "vanaf nu"),
        CueRule.Not(2, "instruction", "a partir de maintenant"),
        CueRule.Not(3, "instruction", "voortaan|desormais|henceforth"),
        CueRule.Not(3, "instruction", "going forward"),
        CueRule.Not(3, "setting a status", "op|als|as #done|klaar|af|afgerond ...2 zetten|zet|markeren|marken"),
        CueRule.Not(3, "a standing request", "chaque|every|elke|iedere lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday|maandag|dinsdag|woensdag|donderdag|vrijdag|week|semaine|day|dag|jour|morning|ochtend|matin"),
        CueRule.Not(3, "a standing request", "tous les lundis|mardis|mercredis|jeudis|vendredis|jours|matins|semaines"),
        CueRule.Not(2, "a standing request", "a partir du|de"),
        CueRule.Not(3, "planning a meeting", "en visio|video"),
        CueRule.Not(3, "planning a meeting", "visio|videocall|visioconference"),
        CueRule.Not(3, "instruction", "instead of"),
        CueRule.Not(3, "instruction", "in plaats van"),
        CueRule.Not(3, "instruction", "au lieu de"),
        CueRule.Not(5, "hours balance", "uur|uren|hours|heures ...8 pakket|package|forfait|bundle|saldo|balance|retainer"),
        CueRule.Not(2, "instruction", "make sure|zorg dat|zorg ervoor"),
        CueRule.Not(5, "hours worked", "hoeveel uur|uren|uurtjes ...6 gewerkt|gefactureerd|gepresteerd|gewerkt|geschreven"),
        CueRule.Not(5, "hours worked", "how many hours ...6 worked|billed|logged|spent"),
        CueRule.Not(5, "hours worked", "combien d heures ...6 travaille|travaillees|facture|facturees"),
        CueRule.Not(3, "setting a status", "mark|markeer|markeren|set|zet|zetten|marquer|passer|passe ...4 as|als|op|to|en|a|comme #done|klaar|af|resolved|opgelost|resolu|gewonnen|won|gagne|termine"),
        CueRule.Not(2, "work request", "can|could|would|kan|kun|kunt|wil|zou|peux|pourrais|pourriez|pouvez ...1 #you ...6 get|mark|set|prepare|make|draft|write|create|add|move|clean|research|look|find|check|verify|reserve|voorbereiden|opstellen|schrijven|maken|klaarzetten|uitzoeken|nagaan|navragen|opvragen|nakijken|checken|preparer|rediger|verifier|chercher|renseigner|trier|deplacer|relancer"),
        CueRule.Not(2, "work request", "#you ...1 peux|pourrais|pourriez|pouvez ...4 preparer|rediger|verifier|chercher|renseigner|trier|deplacer|relancer|finir|terminer"),
        CueRule.Not(2, "work request", "klaarzetten"),
        CueRule.Not(2, "work request", "klaar zetten"),
        CueRule.Not(2, "work request", "get ...4 ready for|by"),
        CueRule.Not(1, "attachment", "bijlage|attached|attachment|enclosed|jointe|<attachment>"),
        CueRule.Not(2, "joking", "haha|hahaha|lol|mdr|hihi|xd"),
        CueRule.Not(1, "thanks or praise", "thanks|thank|merci|bedankt|dank|bravo|<praise>"),
    ];
}
