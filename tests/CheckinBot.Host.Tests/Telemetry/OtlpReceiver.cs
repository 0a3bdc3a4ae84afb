using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>A real OTLP/HTTP receiver on loopback (Kestrel): keeps every export request's path, content type and body.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<OtlpExport> exports = new();

    private OtlpReceiver(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The base address, as <c>OpenTelemetry:Endpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> take it.</summary>
    public string BaseUrl => app.Urls.First();

    public IReadOnlyList<OtlpExport> Exports => exports.ToArray();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>True when some export of <paramref name="signal"/> carries <paramref name="name"/> (protobuf keeps strings as UTF-8 bytes).</summary>
    public bool Received(string signal, string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        return Exports.Any(e => e.Signal == signal && e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string signal)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        exports.Enqueue(new OtlpExport(signal, http.Request.ContentType ?? "", body.ToArray()));

        // An empty Export…ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record OtlpExport(string Signal, string ContentType, byte[] Body);
