namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>
/// The bot's meters are process-wide: tests that count exactly what one host recorded run alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
