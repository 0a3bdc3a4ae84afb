using System.Globalization;
using System.Text.RegularExpressions;
using CheckinBot.Core.Rhythms;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Core.Commands;

/// <summary>
/// The <c>/checkin</c> grammar: English verbs with Dutch and French aliases. Never throws; input that is not a
/// command becomes an <see cref="InvalidCommand"/> naming the usage to show.
/// </summary>
public static partial class CommandParser
{
    /// <summary>Commands longer than this are refused: no one types a novel into a slash command.</summary>
    public const int MaxLength = 2000;

    private static readonly Dictionary<string, string> Verbs = BuildVerbs();

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "at", "om", "a", "on", "op", "le", "les", "every", "each", "elke", "iedere", "chaque", "tous", "de", "van", "the", "het",
    };

    private static readonly HashSet<string> AllWords = new(StringComparer.Ordinal) { "all", "alle", "alles", "tout", "tous", "toutes" };

    private static readonly HashSet<string> UntilWords = new(StringComparer.Ordinal) { "until", "till", "tot", "totenmet", "t/m", "jusqu'au", "jusqu'a", "jusqua", "jusque", "au" };

    private static readonly HashSet<string> NextWords = new(StringComparer.Ordinal) { "next", "volgende", "prochain", "prochaine", "over", "eerstvolgende" };

    [GeneratedRegex(@"^<@(?<id>[^>|]+)(?:\|[^>]*)?>$", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})(?:[/.-](?<y>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthPattern();

    /// <summary>
    /// Whether a chat message (not a slash command) is meant as a command: it starts with "checkin", or it addresses
    /// the bot (a mention, a direct conversation) and starts with a known verb or says nothing else.
    /// </summary>
    public static bool ReadsAsCommand(string text, bool addressesBot)
    {
        var first = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
        {
            return addressesBot;
        }

        var head = Words.Fold(first);
        return head is "/checkin" or "checkin" or "/check-in" || (addressesBot && Verbs.ContainsKey(head));
    }

    public static Command Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new HelpCommand();
        }

        if (text.Length > MaxLength)
        {
            return new InvalidCommand("help", "problem.tooLong");
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var head = Words.Fold(words[0]);
        if (head is "/checkin" or "checkin" or "/check-in")
        {
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            return new HelpCommand();
        }

        if (!Verbs.TryGetValue(Words.Fold(words[0]), out var verb))
        {
            return new InvalidCommand("help", "problem.unknownCommand", words[0]);
        }

        var args = words.Skip(1).ToList();
        return verb switch
        {
            "help" => new HelpCommand(),
            "setup" => ParseSetup(args),
            "propose" => ParsePropose(args),
            "accept" => ParseOptionalNumber(args, "accept") is { } bad ? bad : new AcceptCommand(FirstNumber(args)),
            "decline" => ParseDecline(args),
            "rhythms" => args.Count == 0 ? new RhythmsCommand() : new InvalidCommand("rhythms"),
            "pause" => ParsePause(args),
            "resume" => ParseOptionalNumber(args, "resume") is { } bad ? bad : new ResumeCommand(FirstNumber(args)),
            "skip" => ParseSkip(args),
            "retire" => args.Count == 1 && TryNumber(args[0], out var n) ? new RetireCommand(n) : new InvalidCommand("retire"),
            "status" => new StatusCommand(),
            "next" => new NextCommand(),
            "health" => new HealthCommand(),
            "draft" => new DraftCommand(args.Count == 0 ? null : string.Join(' ', args)),
            "start" => ParseStart(args),
            "progress" => ParseProgress(args),
            "done" => args.Count == 0 ? new InvalidCommand("done") : new DoneCommand(string.Join(' ', args)),
            "block" => args.Count < 2 ? new InvalidCommand("block") : new BlockCommand(string.Join(' ', args)),
            "tasks" => args.Count == 0 ? new TasksCommand() : new InvalidCommand("tasks"),
            "plan" => ParsePlan(args),
            "focus" => ParseFocus(args),
            "post" => args.All(a => NowWords.Contains(Words.Fold(a))) ? new PostNowCommand(null) : new InvalidCommand("post", null, args[0]),
            "snooze" => args.Count == 0 ? new SnoozeCommand(null) : new InvalidCommand("snooze", null, args[0]),
            "export" => args.Count == 0 ? new ExportCommand() : new InvalidCommand("export", null, args[0]),
            "forget" => ParseForget(args),
            "lang" => ParseLanguage(args),
            "tz" => ParseZone(args),
            _ => new InvalidCommand("help", "problem.unknownCommand", words[0]),
        };
    }

    /// <summary>Reads a neutral mention <c>&lt;@id&gt;</c> or <c>&lt;@id|name&gt;</c>.</summary>
    public static bool TryMention(string word, out string personId)
    {
        var match = MentionPattern().Match(word.Trim());
        personId = match.Success ? match.Groups["id"].Value : "";
        return match.Success;
    }

    /// <summary>Maps a typed language to "nl", "en" or "fr".</summary>
    public static string? LanguageOf(string word) => Words.Fold(word) switch
    {
        "nl" or "nederlands" or "dutch" or "vlaams" or "be-nl" or "nl-be" or "nl-nl" or "neerlandais" => "nl",
        "en" or "english" or "engels" or "anglais" or "en-us" or "en-gb" => "en",
        "fr" or "francais" or "french" or "frans" or "fr-be" or "fr-fr" => "fr",
        _ => null,
    };

    private static Command ParseSetup(List<string> args)
    {
        if (args.Count == 0 || !TryMention(args[0], out var client))
        {
            return new InvalidCommand("setup", "problem.mentionClient");
        }

        string? zone = null;
        string? language = null;
        for (var i = 1; i < args.Count; i++)
        {
            var key = Words.Fold(args[i]);
            if (i + 1 >= args.Count)
            {
                return new InvalidCommand("setup", null, args[i]);
            }

            var value = args[++i];
            switch (key)
            {
                case "tz" or "zone" or "tijdzone" or "fuseau":
                    if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(value) is null)
                    {
                        return new InvalidCommand("setup", "problem.unknownZone", value);
                    }

                    zone = value;
                    break;
                case "lang" or "taal" or "langue":
                    language = LanguageOf(value);
                    if (language is null)
                    {
                        return new InvalidCommand("setup", "problem.unknownLanguage", value);
                    }

                    break;
                default:
                    return new InvalidCommand("setup", null, args[i - 1]);
            }
        }

        return new SetupCommand(client, zone, language);
    }

    private static Command ParsePropose(List<string> args)
    {
        if (args.Count == 0)
        {
            return new InvalidCommand("propose");
        }

        var kind = RhythmKind.Update;
        var rest = args;
        if (KindOf(args[0]) is { } k)
        {
            kind = k;
            rest = args.Skip(1).ToList();
        }

        var days = Days.None;
        LocalTime? at = null;
        foreach (var word in rest)
        {
            var folded = Words.Fold(word);
            if (Fillers.Contains(folded))
            {
                continue;
            }

            if (TimeOfDayParser.TryParse(word, out var time))
            {
                if (at is not null)
                {
                    return new InvalidCommand("propose", "problem.twoTimes", word);
                }

                at = time;
            }
            else if (DaysParser.TryParse(word, out var d))
            {
                days |= d;
            }
            else
            {
                return new InvalidCommand("propose", "problem.notDayOrTime", word);
            }
        }

        if (at is null)
        {
            return new InvalidCommand("propose", "problem.noTime");
        }

        if (days == Days.None)
        {
            return new InvalidCommand("propose", "problem.noDays");
        }

        return new ProposeCommand(kind, days, at.Value);
    }

    private static RhythmKind? KindOf(string word) => Words.Fold(word) switch
    {
        "update" or "updates" or "eod" or "dagupdate" or "point" or "mise-a-jour" or "maj" or "bilan" => RhythmKind.Update,
        "plan" or "plans" or "weekplan" or "weekplanning" or "planning" or "planif" => RhythmKind.Plan,
        "check-in" or "checkin" or "check" or "checkins" => RhythmKind.CheckIn,
        _ => null,
    };

    private static DeclineCommand ParseDecline(List<string> args)
    {
        if (args.Count == 0)
        {
            return new DeclineCommand(null, null);
        }

        if (TryNumber(args[0], out var number))
        {
            return new DeclineCommand(number, args.Count > 1 ? string.Join(' ', args.Skip(1)) : null);
        }

        return new DeclineCommand(null, string.Join(' ', args));
    }

    private static Command ParsePause(List<string> args)
    {
        int? number = null;
        DateSpec? until = null;
        for (var i = 0; i < args.Count; i++)
        {
            var folded = Words.Fold(args[i]);
            if (AllWords.Contains(folded))
            {
                continue;
            }

            if (number is null && until is null && TryNumber(args[i], out var n))
            {
                number = n;
                continue;
            }

            if (UntilWords.Contains(folded))
            {
                var dateWords = args.Skip(i + 1).Where(w => !Fillers.Contains(Words.Fold(w))).ToList();
                if (dateWords.Count != 1 || TryDate(dateWords[0]) is not { } date)
                {
                    return new InvalidCommand("pause", "problem.badDate", dateWords.FirstOrDefault());
                }

                until = date;
                break;
            }

            return new InvalidCommand("pause", null, args[i]);
        }

        return new PauseCommand(number, until);
    }

    private static Command ParseSkip(List<string> args)
    {
        int? number = null;
        foreach (var word in args)
        {
            var folded = Words.Fold(word);
            if (NextWords.Contains(folded) || Fillers.Contains(folded))
            {
                continue;
            }

            if (number is null && TryNumber(word, out var n))
            {
                number = n;
                continue;
            }

            return new InvalidCommand("skip", null, word);
        }

        return new SkipNextCommand(number);
    }

    private static Command ParseLanguage(List<string> args) =>
        args.Count == 1 && LanguageOf(args[0]) is { } language
            ? new LanguageCommand(language)
            : new InvalidCommand("lang", args.Count == 1 ? "problem.unknownLanguage" : null, args.FirstOrDefault());

    private static Command ParseZone(List<string> args) =>
        args.Count == 1 && DateTimeZoneProviders.Tzdb.GetZoneOrNull(args[0]) is not null
            ? new TimeZoneCommand(DateTimeZoneProviders.Tzdb[args[0]].Id)
            : new InvalidCommand("tz", args.Count == 1 ? "problem.unknownZone" : null, args.FirstOrDefault());

    /// <summary>Reads a date: <c>2026-12-31</c>, <c>31/12</c>, <c>31-12-2026</c>, <c>tomorrow</c>/<c>morgen</c>/<c>demain</c>, a weekday.</summary>
    public static DateSpec? TryDate(string word)
    {
        var folded = Words.Fold(word).Trim(',', '.');
        var iso = LocalDatePattern.Iso.Parse(folded);
        if (iso.Success)
        {
            return DateSpec.On(iso.Value);
        }

        var match = DayMonthPattern().Match(folded);
        if (match.Success)
        {
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["y"].Success)
            {
                var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
                return month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
                    ? DateSpec.On(new LocalDate(year, month, day))
                    : null;
            }

            return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? DateSpec.DayMonth(day, month) : null;
        }

        return folded switch
        {
            "today" or "vandaag" or "aujourd'hui" or "aujourdhui" => DateSpec.InDays(0),
            "tomorrow" or "morgen" or "demain" => DateSpec.InDays(1),
            "overmorgen" or "apres-demain" => DateSpec.InDays(2),
            _ => DaysParser.TryDay(folded, out var weekday) ? DateSpec.Next(weekday) : null,
        };
    }

    private static InvalidCommand? ParseOptionalNumber(List<string> args, string topic) =>
        args.Count == 0 || (args.Count == 1 && TryNumber(args[0], out _)) ? null : new InvalidCommand(topic, null, args[0]);

    private static int? FirstNumber(List<string> args) => args.Count == 1 && TryNumber(args[0], out var n) ? n : null;

    private static bool TryNumber(string word, out int number) =>
        int.TryParse(word.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private static Dictionary<string, string> BuildVerbs()
    {
        var verbs = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string verb, params string[] aliases)
        {
            verbs[verb] = verb;
            foreach (var alias in aliases)
            {
                verbs[alias] = verb;
            }
        }

        Add("help", "hulp", "aide", "?", "usage");
        Add("setup", "instellen", "installer", "configurer", "start-samenwerking");
        Add("propose", "stel-voor", "stelvoor", "voorstel", "voorstellen", "proposer", "propose");
        Add("accept", "accepteer", "aanvaard", "aanvaarden", "akkoord", "accepter", "accepte", "ok");
        Add("decline", "weiger", "weigeren", "afwijzen", "refuse", "refuser", "decliner");
        Add("rhythms", "rhythm", "ritmes", "ritme", "rythmes", "rythme", "afspraken", "list");
        Add("pause", "pauze", "pauzeer", "pauzeren");
        Add("resume", "hervat", "hervatten", "reprendre", "reprise");
        Add("skip", "overslaan", "sla-over", "passer", "sauter");
        Add("retire", "stopzetten", "schrap", "schrappen", "supprimer", "arreter", "remove");
        Add("status", "stand", "statut", "etat");
        Add("next", "volgende", "prochain", "prochaine");
        Add("health", "gezondheid", "sante");
        Add("draft", "concept", "brouillon", "ontwerp");
        Add("start", "begin", "beginnen", "gestart", "commencer", "commence", "demarrer", "demarre");
        Add("progress", "voortgang", "vordering", "stand-van-zaken", "progres", "avancement", "avance");
        Add("done", "klaar", "af", "gedaan", "afgerond", "fini", "finir", "termine", "terminer", "fait");
        Add("block", "blocked", "blokkeer", "geblokkeerd", "vast", "wacht", "bloque", "bloquer", "bloquee");
        Add("tasks", "task", "taken", "taak", "taches", "tache", "todo");
        Add("plan", "weekplan", "planning", "planifier", "plans");
        Add("focus", "focussen", "concentratie", "concentration", "concentre");
        Add("post", "posten", "plaats", "verstuur", "publier", "envoyer");
        Add("snooze", "uitstellen", "later", "reporter", "plus-tard");
        Add("export", "exporteer", "exporteren", "exporter");
        Add("forget", "vergeet", "vergeten", "oublier", "oublie", "oubliez");
        Add("lang", "language", "taal", "langue");
        Add("tz", "timezone", "zone", "tijdzone", "fuseau");
        return verbs;
    }
}
