using System.Text.Json;
using CheckinBot.Core.Collaborations;

namespace CheckinBot.Core.Privacy;

/// <summary>
/// A capability's own part of <c>/checkin export</c> (for example ping counts): written as one property of the export's
/// JSON object. Register as many as there are; none is needed.
/// </summary>
public interface IExportSection
{
    /// <summary>The property name in the export.</summary>
    string Name { get; }

    /// <summary>Writes the section's value (an object or an array) for a collaboration.</summary>
    Task WriteAsync(Utf8JsonWriter writer, Collaboration collaboration, CancellationToken cancellationToken);
}
