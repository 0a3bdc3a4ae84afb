using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Storage.Conversions;

/// <summary>Instants as Unix milliseconds: ordered and comparable in SQL on both providers.</summary>
internal sealed class InstantConverter() : ValueConverter<Instant, long>(i => i.ToUnixTimeMilliseconds(), ms => Instant.FromUnixTimeMilliseconds(ms));

/// <summary>Local times as ISO text, "17:00:00".</summary>
internal sealed class LocalTimeConverter() : ValueConverter<LocalTime, string>(
    t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture), s => LocalTimePattern.ExtendedIso.Parse(s).Value);

/// <summary>Local dates as ISO text, "2026-12-31".</summary>
internal sealed class LocalDateConverter() : ValueConverter<LocalDate, string>(
    d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s => LocalDatePattern.Iso.Parse(s).Value);
