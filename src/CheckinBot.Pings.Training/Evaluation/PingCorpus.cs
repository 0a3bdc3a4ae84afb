using System.Globalization;
using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>
/// Reads the tab-separated ping corpus format: a header <c>id	lang	label	text</c>, then one row per
/// message with labels <c>status_check</c>, <c>urgent</c> or <c>other</c>. Lines that start with <c>#</c> are comments
/// (the corpus's header says how it was written; <c># va: Ina</c> names the VA it addresses; <c># tasks: A; B</c> the titles of her open tasks). Pure: the caller reads the file.
/// </summary>
public static class PingCorpus
{
    public const string Header = "id\tlang\tlabel\ttext";

    /// <summary>Parses the lines of a corpus file, header first.</summary>
    /// <exception cref="PingCorpusFormatException">The header or a row is malformed.</exception>
    public static IReadOnlyList<PingSample> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var samples = new List<PingSample>();
        var lineNumber = 0;
        var sawHeader = false;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r', '\n');
            if (line.TrimStart('\uFEFF').StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                if (!string.Equals(line.TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
                {
                    throw new PingCorpusFormatException($"line {lineNumber}: expected the header '{Header.Replace("\t", "<TAB>", StringComparison.Ordinal)}'");
                }

                sawHeader = true;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t', 4);
            if (fields.Length != 4 || fields[0].Length == 0)
            {
                throw new PingCorpusFormatException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: expected 4 tab-separated fields"));
            }

            samples.Add(new PingSample(fields[0], fields[1], ParseLabel(fields[2], lineNumber), fields[3]));
        }

        if (!sawHeader)
        {
            throw new PingCorpusFormatException("the file is empty: expected a header line");
        }

        return samples;
    }

    /// <summary>The VA names a corpus's comment header gives (<c># va: Ina</c>): the names the bot would know live.</summary>
    public static IReadOnlyList<string> VaNamesOf(IEnumerable<string> lines) =>
        HeaderValues(lines, "va:", [',', ' ']);

    /// <summary>
    /// The titles of the VA's open tasks a corpus's comment header gives (<c># tasks: Newsletter PDF; Invoices March</c>,
    /// titles separated by "; "), as the bot would read them from her task log live; empty when there is no such line.
    /// </summary>
    public static IReadOnlyList<string> OpenTasksOf(IEnumerable<string> lines) =>
        HeaderValues(lines, "tasks:", [';']);

    /// <summary>
    /// Whether a corpus's comment header says its rows are in the order the messages were sent (<c># order: as sent</c>),
    /// so that a row's predecessor is the message before it and the evaluation reads a row after an urgent one as the
    /// bot does live (<see cref="Core.Pings.IPingClassifier.Classify"/>'s <c>followsUrgent</c>).
    /// </summary>
    public static bool InSendOrderOf(IEnumerable<string> lines) =>
        HeaderValues(lines, "order:", [',']).Contains("as sent", StringComparer.Ordinal);

    /// <summary>The values of the header lines <c># key: …</c> before the first line that is no comment, split and trimmed.</summary>
    private static List<string> HeaderValues(IEnumerable<string> lines, string key, char[] separators)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var values = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart('\uFEFF').Trim();
            if (!trimmed.StartsWith('#'))
            {
                break;
            }

            var comment = trimmed.TrimStart('#').Trim();
            if (comment.StartsWith(key, StringComparison.OrdinalIgnoreCase))
            {
                values.AddRange(comment[key.Length..].Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return values;
    }

    /// <summary>The corpus spelling of a class: "status_check", "urgent", "other".</summary>
    public static string LabelOf(PingClass value) => value switch
    {
        PingClass.StatusCheck => "status_check",
        PingClass.Urgent => "urgent",
        _ => "other",
    };

    private static PingClass ParseLabel(string label, int lineNumber) => label switch
    {
        "status_check" => PingClass.StatusCheck,
        "urgent" => PingClass.Urgent,
        "other" => PingClass.Other,
        _ => throw new PingCorpusFormatException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: unknown label '{label}'")),
    };
}
