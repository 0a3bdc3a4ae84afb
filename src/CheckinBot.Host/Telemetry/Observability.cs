using System.Diagnostics.Tracing;
using CheckinBot.Core.Telemetry;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// Traces, metrics and the log's format. The core's spans and meters (<see cref="CheckinTelemetry"/>) are always there;
/// OpenTelemetry collects and exports them only when an OTLP endpoint is configured (<see cref="OtlpTarget"/>); the
/// <c>CheckinBot</c> meter is on <c>/metrics</c> either way (<see cref="PrometheusBridge"/>).
/// </summary>
public static class Observability
{
    /// <summary>Paths whose requests are not traced: probes and scrapes, many and dull.</summary>
    private static readonly string[] Quiet = ["/healthz", "/readyz", "/metrics"];

    /// <summary>How prometheus-net listens to an event source: for its counters, not its events.</summary>
    internal static readonly EventCounterAdapterEventSourceSettings CountersOnly = new() { MinimumLevel = EventLevel.Warning };

    /// <summary>Wires logs, the 429 counter and, when configured, the OTLP exporters; true when the log is JSON.</summary>
    public static bool AddObservability(this WebApplicationBuilder builder)
    {
        var json = LogFormat.Apply(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ThrottleCountingFilter>());
        PrometheusBridge.Start();
        // prometheus-net's own meter adapter (on from the first scrape) would publish the bot's meters a second time, as
        // gauges named checkinbot_checkinbot_… that vanish after five quiet minutes; it keeps the framework's meters.
        Metrics.ConfigureMeterAdapter(adapter => adapter.InstrumentFilterPredicate = instrument => !PrometheusBridge.Publishes(instrument.Meter));
        // Its event counter adapter subscribes to the framework's event sources at the informational level by default,
        // which turns on their events as well as their counters: Kestrel and hosting then write a start and a stop event
        // for every request, with its path and ids as new strings (7 % of what a slash command allocated). The counters
        // come at any level.
        Metrics.ConfigureEventCounterAdapter(adapter => adapter.EventSourceSettingsProvider = _ => CountersOnly);
        if (OtlpTarget.Read(builder.Configuration) is { } target)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("checkinbot"))
                .WithTracing(tracing => tracing.AddCheckinBotTracing().AddOtlpExporter(options => target.Apply(options, "v1/traces")))
                .WithMetrics(metrics => metrics.AddCheckinBotMetrics().AddOtlpExporter(options => target.Apply(options, "v1/metrics")));
        }

        return json;
    }

    /// <summary>The bot's spans: inbound requests, its own turn and delivery spans, outbound HTTP calls, PostgreSQL commands.</summary>
    public static TracerProviderBuilder AddCheckinBotTracing(this TracerProviderBuilder tracing) => tracing
        .AddSource(CheckinTelemetry.SourceName)
        .AddAspNetCoreInstrumentation(options => options.Filter = context => !Quiet.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase))
        .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, request) => OutboundUrl.Redact(activity, request))
        .AddNpgsql();

    /// <summary>The bot's meters: <c>CheckinBot</c> (delivery, platforms) and <c>CheckinBot.Turns</c> (busy answers).</summary>
    public static MeterProviderBuilder AddCheckinBotMetrics(this MeterProviderBuilder metrics) => metrics
        .AddMeter(CheckinTelemetry.MeterName, TurnMetrics.MeterName);
}
