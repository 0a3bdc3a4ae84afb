using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Tasks;

/// <summary>Rules over a collaboration's tasks: which one is in progress, which one a typed title means.</summary>
public static class TaskLog
{
    /// <summary>The task in progress: of the started tasks, the one the VA touched last.</summary>
    public static WorkTask? Current(IEnumerable<WorkTask> tasks) =>
        tasks.Where(t => t.State == TaskState.Started).OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.StartedAt).FirstOrDefault();

    /// <summary>
    /// The tasks a typed title means, forgivingly: the same title (case and accents ignored), else every title that starts
    /// with it, else every title with a word that starts with it. Open tasks are preferred over done ones.
    /// </summary>
    public static IReadOnlyList<WorkTask> Match(IEnumerable<WorkTask> tasks, string typed)
    {
        var query = Fold(typed);
        if (query.Length == 0)
        {
            return [];
        }

        var all = tasks.ToList();
        foreach (var pool in new[] { all.Where(t => t.State != TaskState.Done).ToList(), all.Where(t => t.State == TaskState.Done).ToList() })
        {
            var exact = pool.Where(t => Fold(t.Title) == query).ToList();
            if (exact.Count > 0)
            {
                return exact;
            }

            var prefix = pool.Where(t => Fold(t.Title).StartsWith(query, StringComparison.Ordinal)).ToList();
            if (prefix.Count > 0)
            {
                return prefix;
            }

            var word = pool.Where(t => Fold(t.Title).Split(' ').Any(w => w.StartsWith(query, StringComparison.Ordinal))).ToList();
            if (word.Count > 0)
            {
                return word;
            }
        }

        return [];
    }

    /// <summary>
    /// Splits "<task> <rest>" where the title is not quoted: the longest run of leading words that names exactly one task.
    /// A colon, when typed, separates them explicitly.
    /// </summary>
    public static (WorkTask? Task, string Remainder, IReadOnlyList<WorkTask> Candidates) Split(IEnumerable<WorkTask> tasks, string text)
    {
        var all = tasks.ToList();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var named = Match(all, text[..colon]);
            return (named.Count == 1 ? named[0] : null, text[(colon + 1)..].Trim(), named);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<WorkTask> candidates = [];
        for (var take = words.Length - 1; take >= 1; take--)
        {
            var found = Match(all, string.Join(' ', words.Take(take)));
            if (found.Count == 1)
            {
                return (found[0], string.Join(' ', words.Skip(take)), found);
            }

            if (found.Count > 1 && candidates.Count == 0)
            {
                candidates = found;
            }
        }

        return (null, "", candidates);
    }

    private static string Fold(string text) =>
        string.Join(' ', Words.Fold(text).Trim('"', '\'', '‘', '’', '“', '”').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
