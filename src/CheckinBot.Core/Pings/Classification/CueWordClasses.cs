using System.Collections.Frozen;

namespace CheckinBot.Core.Pings.Classification;

/// <summary>Word classes the cue patterns refer to as <c>#name</c>; all words already folded.</summary>
internal static class CueWordClasses
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Classes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The person addressed, in the three languages and in Flemish after normalisation.
        ["you"] = ["you", "u", "je", "jij", "jullie", "tu", "t", "vous", "ya"],

        // Words that say a piece of work is finished, booked or under way (participles, not infinitives:
        // "tu as commence ?" is a ping, "tu commences quand tes conges ?" is not).
        ["done"] =
        [
            "done", "finished", "ready", "completed", "complete", "sorted", "booked", "scheduled", "sent", "started",
            "published", "posted", "submitted",
            "klaar", "gedaan", "gelukt", "verstuurd", "ingepland", "geboekt", "begonnen", "gestart", "afgerond",
            "afgewerkt", "opgestuurd", "gepost", "gepland", "verwerkt", "opgelost", "ingevoerd", "ingegeven", "geencodeerd", "entered", "uploaded",
            "fini", "finie", "finis", "finies", "termine", "terminee", "termines", "terminees", "boucle", "bouclee",
            "envoye", "envoyee", "envoyes", "envoyees", "publie", "publies", "planifie", "regle",
            "demarre", "demarree", "lance", "lancee",
        ],

        // French participles that are also nouns: only with an auxiliary in front.
        ["donefr"] =
        [
            "programme", "programmes", "programmee", "programmees", "reserve", "reserves", "reservee", "reservees",
            "pret", "prete", "prets", "pretes", "fait", "faits", "faite", "faites", "classe", "classes", "classee", "classees",
            "encode", "encodes", "encodee", "encodees", "commence", "commencee", "commences", "commencees",
            "passee", "passees", "validee", "validees", "parti", "partie", "partis", "parties",
        ],

        // What a "tell me when…" request waits for: a milestone of the work.
        ["milestone"] =
        [
            "done", "finished", "finish", "ready", "complete", "completed", "started", "start", "halfway", "half", "through",
            "sorted", "booked", "scheduled", "%",
            "klaar", "af", "rond", "halverwege", "helft", "begonnen", "gestart", "ingepland", "verstuurd", "geboekt", "gedaan",
            "fini", "finie", "termine", "terminee", "pret", "prete", "boucle", "bouclee", "moitie", "parcours", "commence",
            "programme", "programmes", "envoye", "reserve", "chemin", "uploaded", "live", "online", "sent",
            "ingeboekt", "gecontroleerd", "gescand", "verwerkt", "ingevoerd", "scanned", "checked", "processed", "entered", "moved",
            "reprogrammes", "reprogrammees", "traites", "traitees", "importes", "importees", "scannes", "verifies",
        ],

        // Meetings and moments one can be "ready for" without any work being finished.
        ["moment"] =
        [
            "call", "meeting", "vergadering", "gesprek", "appel", "reunion", "lunch", "weekend", "vakantie", "holiday",
            "trip", "reis", "voyage", "presentatie", "presentation", "teams", "zoom",
        ],

        // Life outside the work: asking about these is friendliness, not a status check.
        ["personal"] =
        [
            "vakantie", "holiday", "holidays", "vacation", "vacances", "conges", "verlof", "opleiding", "course", "cursus",
            "mum", "mom", "mama", "moeder", "dad", "papa", "vader", "family", "familie", "famille", "kat", "cat", "dog",
            "hond", "chat", "chien", "kids", "kinderen", "enfants", "health", "gezondheid", "sante", "trip", "reis",
            "voyage", "verjaardag", "birthday", "anniversaire", "surgery", "operatie", "operation", "weekend",
        ],

        // Determiners that make "update" a verb with an object: "update the spreadsheet".
        ["object"] =
        [
            "the", "my", "our", "your", "this", "that", "these", "those", "all", "de", "het", "mijn", "onze", "die", "dat",
            "deze", "le", "la", "les", "mon", "ma", "mes", "notre", "nos",
        ],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static FrozenSet<string> Get(string name) =>
        Classes.TryGetValue(name, out var set) ? set : throw new ArgumentException($"Unknown word class '#{name}'.", nameof(name));
}
