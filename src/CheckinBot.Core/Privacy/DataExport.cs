using System.Globalization;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Core.Privacy;

/// <summary>A collaboration's data as JSON (rhythms with their audit trail, occurrences, tasks) and its occurrences as CSV.</summary>
public static class DataExport
{
    public static async Task<string> JsonAsync(Collaboration collaboration, IReadOnlyList<Rhythm> rhythms, IReadOnlyList<Occurrence> occurrences,
        IReadOnlyList<WorkTask> tasks, IEnumerable<IExportSection> sections, Instant exportedAt, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("exportedAt", At(exportedAt));
            json.WriteStartObject("collaboration");
            json.WriteString("id", collaboration.Id);
            json.WriteString("platform", collaboration.Platform);
            json.WriteString("workspace", collaboration.WorkspaceId);
            json.WriteString("conversation", collaboration.ConversationId);
            json.WriteString("va", collaboration.VaId);
            json.WriteStartArray("clients");
            collaboration.ClientIds.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteString("timeZone", collaboration.TimeZone);
            json.WriteString("language", collaboration.Language);
            json.WriteString("createdAt", At(collaboration.CreatedAt));
            json.WriteEndObject();

            json.WriteStartArray("rhythms");
            foreach (var rhythm in rhythms.OrderBy(r => r.Number))
            {
                WriteRhythm(json, rhythm);
            }

            json.WriteEndArray();

            var numbers = rhythms.ToDictionary(r => r.Id, r => r.Number);
            json.WriteStartArray("occurrences");
            foreach (var occurrence in occurrences.OrderBy(o => o.Due))
            {
                json.WriteStartObject();
                json.WriteNumber("rhythm", numbers.GetValueOrDefault(occurrence.RhythmId));
                json.WriteString("due", At(occurrence.Due));
                json.WriteString("status", occurrence.Status.ToString());
                WriteOptional(json, "postedAt", occurrence.PostedAt);
                json.WriteBoolean("late", occurrence.Late);
                if (occurrence.Summary is { } summary)
                {
                    json.WriteString("summary", summary);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("tasks");
            foreach (var task in tasks.OrderBy(t => t.CreatedAt))
            {
                json.WriteStartObject();
                json.WriteString("title", task.Title);
                json.WriteString("state", task.State.ToString());
                json.WriteNumber("progress", task.Progress);
                if (task.Due is { } due)
                {
                    json.WriteString("due", LocalDatePattern.Iso.Format(due));
                }

                if (task.BlockedReason is { } reason)
                {
                    json.WriteString("blockedReason", reason);
                }

                json.WriteBoolean("inPlan", task.InPlan);
                json.WriteString("createdAt", At(task.CreatedAt));
                WriteOptional(json, "startedAt", task.StartedAt);
                WriteOptional(json, "doneAt", task.DoneAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            foreach (var section in sections)
            {
                json.WritePropertyName(section.Name);
                await section.WriteAsync(json, collaboration, cancellationToken);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One line per occurrence: rhythm, kind, due, status, posted at, late, summary.</summary>
    public static string Csv(IReadOnlyList<Rhythm> rhythms, IReadOnlyList<Occurrence> occurrences)
    {
        var byId = rhythms.ToDictionary(r => r.Id);
        var csv = new StringBuilder("rhythm,kind,due,status,posted_at,late,summary\n");
        foreach (var o in occurrences.OrderBy(o => o.Due))
        {
            var rhythm = byId.GetValueOrDefault(o.RhythmId);
            csv.AppendJoin(',',
                rhythm?.Number.ToString(CultureInfo.InvariantCulture) ?? "",
                rhythm?.Kind.ToString() ?? "",
                At(o.Due),
                o.Status.ToString(),
                o.PostedAt is { } p ? At(p) : "",
                o.Late ? "true" : "false",
                Quote(o.Summary ?? "")).Append('\n');
        }

        return csv.ToString();
    }

    private static void WriteRhythm(Utf8JsonWriter json, Rhythm rhythm)
    {
        json.WriteStartObject();
        json.WriteNumber("number", rhythm.Number);
        json.WriteString("kind", rhythm.Kind.ToString());
        json.WriteString("days", rhythm.Days.ToString());
        json.WriteString("at", LocalTimePattern.ExtendedIso.Format(rhythm.At));
        json.WriteString("timeZone", rhythm.TimeZone);
        json.WriteString("state", rhythm.State.ToString());
        json.WriteString("proposedBy", rhythm.ProposedBy);
        json.WriteString("proposedAt", At(rhythm.ProposedAt));
        WriteOptional(json, "agreedAt", rhythm.AgreedAt);
        if (rhythm.PausedUntil is { } until)
        {
            json.WriteString("pausedUntil", LocalDatePattern.Iso.Format(until));
        }

        json.WriteStartArray("auditTrail");
        foreach (var e in rhythm.Events.OrderBy(e => e.At))
        {
            json.WriteStartObject();
            json.WriteString("at", At(e.At));
            json.WriteString("by", e.ActorId);
            json.WriteString("action", e.Action.ToString());
            if (e.Detail is { } detail)
            {
                json.WriteString("detail", detail);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, Instant? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, At(value));
        }
    }

    private static string At(Instant at) => InstantPattern.ExtendedIso.Format(at);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
