using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Receiving;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: receives frames, hands envelopes to a handler and sends its acknowledgement back.
/// <see cref="Ended"/> completes when Slack asks to switch (<c>disconnect</c>), when it has been silent too long, or when
/// the socket closes; the socket keeps serving envelopes until <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket socket;
    private readonly Func<string, JsonElement, CancellationToken, Task<JsonObject?>> handle;
    private readonly TimeSpan silence;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource closing = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Task, byte> handling = new();
    private Task receiving = Task.CompletedTask;

    private SocketConnection(ClientWebSocket socket, Func<string, JsonElement, CancellationToken, Task<JsonObject?>> handle, TimeSpan silence, TimeProvider time, ILogger logger)
    {
        this.socket = socket;
        this.handle = handle;
        this.silence = silence;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Why the connection should be replaced: <c>disconnect</c>, <c>silence</c>, <c>closed</c> or <c>error</c>.</summary>
    public Task<string> Ended => ended.Task;

    /// <summary>
    /// Connects and starts receiving. <paramref name="handle"/> gets each envelope's type and the envelope itself and
    /// returns the acknowledgement to send, or null to leave it unacknowledged (Slack then retries it).
    /// </summary>
    public static async Task<SocketConnection> OpenAsync(
        Uri url, Func<string, JsonElement, CancellationToken, Task<JsonObject?>> handle, TimeSpan silence, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SocketConnection(socket, handle, silence, time, logger);
        connection.receiving = Task.Run(connection.ReceiveAsync, CancellationToken.None);
        return connection;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                using var quiet = new CancellationTokenSource(silence, time);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(quiet.Token, closing.Token);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), both.Token);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > MaxFrameBytes)
                    {
                        ended.TrySetResult("error");
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ended.TrySetResult("closed");
                    return;
                }

                await OnFrameAsync(buffer.WrittenMemory);
            }

            ended.TrySetResult("closed");
        }
        catch (OperationCanceledException) when (!closing.IsCancellationRequested)
        {
            logger.SocketSilent(silence);
            ended.TrySetResult("silence");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            ended.TrySetResult(closing.IsCancellationRequested ? "closed" : "error");
        }
    }

    private async Task OnFrameAsync(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            logger.SocketNotJson();
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.Str("type") ?? "";
            switch (type)
            {
                case "hello":
                    logger.SocketReady();
                    return;
                case "disconnect":
                    var reason = root.Str("reason");
                    logger.SocketDisconnect(reason);
                    ended.TrySetResult("disconnect");
                    return;
            }

            if (root.Str("envelope_id") is not { } envelopeId)
            {
                return;
            }

            // Each envelope is answered on its own, so that a command waiting for its answer holds no other envelope back.
            var envelope = root.Clone();
            var task = HandleEnvelopeAsync(type, envelope, envelopeId);
            handling.TryAdd(task, 0);
            _ = task.ContinueWith(done => handling.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task HandleEnvelopeAsync(string type, JsonElement envelope, string? envelopeId)
    {
        JsonObject? ack;
        try
        {
            ack = await handle(type, envelope, closing.Token);
        }
#pragma warning disable CA1031 // One bad envelope must not take the connection down; it is logged and left unacknowledged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (!closing.IsCancellationRequested)
            {
                logger.EnvelopeFailed(e, envelopeId, type);
            }

            return;
        }

        if (ack is not null)
        {
            try
            {
                await SendAsync(ack);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is going; Slack sends an unacknowledged envelope again.
            }
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sending.WaitAsync(closing.Token);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
        }
        finally
        {
            sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "switching", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing politely is a courtesy; the socket is disposed below either way.
            }
        }

        await closing.CancelAsync();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(handling.Keys);

        socket.Dispose();
        closing.Dispose();
        sending.Dispose();
    }
}
