using System.Globalization;
using System.Text.RegularExpressions;
using CheckinBot.Core.Rhythms;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Core.Commands;

/// <summary>The VA's own commands: tasks, the week plan, focus and forgetting.</summary>
public static partial class CommandParser
{
    private static readonly HashSet<string> DueWords = new(StringComparer.Ordinal) { "due", "by", "deadline", "tegen", "voor", "tegen:", "pour", "avant", "echeance", "d'ici" };

    private static readonly HashSet<string> NowWords = new(StringComparer.Ordinal) { "now", "nu", "meteen", "maintenant", "tout-de-suite" };

    private static readonly HashSet<string> OffWords = new(StringComparer.Ordinal) { "off", "stop", "end", "uit", "gedaan", "fin", "arret", "termine" };

    private static readonly HashSet<string> ConfirmWords = new(StringComparer.Ordinal) { "confirm", "yes", "bevestig", "ja", "oui", "confirmer", "confirme" };

    /// <summary>A focus block longer than a working day is a pause, not focus.</summary>
    public static readonly Duration MaxFocus = Duration.FromHours(12);

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})\s*(?:h|u|uur|hr|hrs|hour|hours|heure|heures))?\s*(?:(?<m>\d{1,3})\s*(?:m|min|mins|minute|minutes|minuten)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s*%?$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    private static Command ParseStart(List<string> args)
    {
        var (title, due, bad) = TitleAndDue(args);
        return bad is not null ? new InvalidCommand("start", "problem.badDate", bad)
            : title.Length == 0 ? new InvalidCommand("start")
            : title.Length > Tasks.WorkTask.MaxTitleLength ? new InvalidCommand("start", "problem.tooLong")
            : new StartTaskCommand(title, due);
    }

    /// <summary>Reads "title words [due day]"; a due word followed by something that is not a date is reported.</summary>
    private static (string Title, DateSpec? Due, string? BadDate) TitleAndDue(IReadOnlyList<string> words)
    {
        if (words.Count >= 2 && DueWords.Contains(Words.Fold(words[^2])))
        {
            if (TryDate(words[^1]) is { } due)
            {
                return (string.Join(' ', words.Take(words.Count - 2)), due, null);
            }

            // "due" is never part of a title; the other words ("voor", "by") may be.
            if (Words.Fold(words[^2]) is "due" or "deadline")
            {
                return ("", null, words[^1]);
            }
        }

        return (string.Join(' ', words), null, null);
    }

    private static Command ParseProgress(List<string> args)
    {
        var words = args.ToList();
        if (words.Count >= 2 && words[^1] == "%")
        {
            words[^2] += "%";
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count < 2)
        {
            return new InvalidCommand("progress");
        }

        var match = PercentPattern().Match(words[^1]);
        var percent = match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : -1;
        if (percent is < 0 or > 100)
        {
            return new InvalidCommand("progress", "problem.badPercent", words[^1]);
        }

        return new ProgressCommand(string.Join(' ', words.Take(words.Count - 1)), percent);
    }

    private static Command ParsePlan(List<string> args)
    {
        if (args.Count == 0)
        {
            return new PlanCommand(null);
        }

        var items = new List<PlanItem>();
        foreach (var part in string.Join(' ', args).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (title, due, bad) = TitleAndDue(part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (bad is not null)
            {
                return new InvalidCommand("plan", "problem.badDate", bad);
            }

            if (title.Length > Tasks.WorkTask.MaxTitleLength)
            {
                return new InvalidCommand("plan", "problem.tooLong");
            }

            items.Add(new PlanItem(title, due));
        }

        return items.Count == 0 ? new InvalidCommand("plan") : new PlanCommand(items);
    }

    private static Command ParseFocus(List<string> args)
    {
        if (args.Count == 1 && OffWords.Contains(Words.Fold(args[0])))
        {
            return new FocusCommand(null);
        }

        var text = Words.Fold(string.Join(' ', args));
        var match = DurationPattern().Match(text);
        if (args.Count == 0 || text.Length == 0 || !match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            return new InvalidCommand("focus", args.Count == 0 ? null : "problem.badDuration", string.Join(' ', args));
        }

        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var length = Duration.FromHours(hours) + Duration.FromMinutes(minutes);
        return length <= Duration.Zero || length > MaxFocus
            ? new InvalidCommand("focus", "problem.badDuration", string.Join(' ', args))
            : new FocusCommand(length);
    }

    private static Command ParseForget(List<string> args) =>
        args.Count == 0 ? new ForgetCommand(false)
        : args.Count == 1 && ConfirmWords.Contains(Words.Fold(args[0])) ? new ForgetCommand(true)
        : new InvalidCommand("forget", null, args[0]);
}
