using CheckinBot.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>OTLP export is on only when configured, and a wrong value stops the start naming its key.</summary>
public class ExportSwitchTests
{
    [Fact]
    public async Task WithNothingConfiguredNoTracerOrMeterProviderRunsSoNothingIsExported()
    {
        await using var app = BotApp.Build(["--urls=http://127.0.0.1:0", "--Scheduling:Enabled=false"]);

        app.Services.GetService<TracerProvider>().Should().BeNull();
        app.Services.GetService<MeterProvider>().Should().BeNull();
    }

    [Theory]
    [InlineData("--OpenTelemetry:Endpoint=http://127.0.0.1:4318")]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317")]
    public async Task EitherEndpointKeyStartsTracingAndMetrics(string setting)
    {
        await using var app = BotApp.Build(["--urls=http://127.0.0.1:0", "--Scheduling:Enabled=false", setting]);

        app.Services.GetService<TracerProvider>().Should().NotBeNull();
        app.Services.GetService<MeterProvider>().Should().NotBeNull();
    }

    [Theory]
    [InlineData("--OpenTelemetry:Endpoint=collector:4318", "OpenTelemetry:Endpoint")]
    [InlineData("--OpenTelemetry:Endpoint=ftp://collector/", "OpenTelemetry:Endpoint")]
    [InlineData("--OpenTelemetry:Protocol=carrier-pigeon", "OpenTelemetry:Protocol")]
    [InlineData("--Logging:Format=xml", "Logging:Format")]
    public void AWrongObservabilityValueNamesItsKey(string setting, string key)
    {
        var act = () => BotApp.Build(["--urls=http://127.0.0.1:0", setting]);

        act.Should().Throw<ConfigurationException>().Which.Key.Should().Be(key);
    }
}
