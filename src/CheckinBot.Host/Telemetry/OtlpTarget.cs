using CheckinBot.Host.Configuration;
using OpenTelemetry.Exporter;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// Where traces and metrics go by OTLP: <c>OpenTelemetry:Endpoint</c> (with <c>OpenTelemetry:Protocol</c>), or else the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and its companions, which the exporter reads itself. Neither set: no
/// exporter, nothing sent anywhere.
/// </summary>
public sealed record OtlpTarget(Uri? Endpoint, OtlpExportProtocol Protocol)
{
    public const string EndpointKey = "OpenTelemetry:Endpoint";
    public const string ProtocolKey = "OpenTelemetry:Protocol";
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The target, or null when OTLP export is off.</summary>
    public static OtlpTarget? Read(IConfiguration configuration)
    {
        var protocol = configuration[ProtocolKey]?.Trim() switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new ConfigurationException(ProtocolKey, $"must be http/protobuf or grpc, not '{other}'."),
        };

        if (configuration[EndpointKey] is { Length: > 0 } value)
        {
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationException(EndpointKey, $"must be an http or https URL of an OTLP receiver (e.g. http://localhost:4318), not '{value}'.");
            }

            return new OtlpTarget(endpoint, protocol);
        }

        return string.IsNullOrWhiteSpace(configuration[StandardEndpointKey]) ? null : new OtlpTarget(null, protocol);
    }

    /// <summary>Points one signal's exporter at the target; OTLP/HTTP takes the signal's path under the base address.</summary>
    public void Apply(OtlpExporterOptions options, string signalPath)
    {
        if (Endpoint is null)
        {
            // The standard variables, already read by the exporter (endpoint, protocol, headers).
            return;
        }

        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : Endpoint;
    }
}
