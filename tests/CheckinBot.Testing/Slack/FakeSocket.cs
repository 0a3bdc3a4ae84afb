using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CheckinBot.Testing.Slack;

/// <summary>The server side of one Socket Mode connection in <see cref="FakeSlack"/>.</summary>
public sealed class FakeSocket(WebSocket socket)
{
    public Task SendAsync(JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame the client sends, or null when it closed.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(text.ToArray())?.AsObject();
    }

    internal async Task DrainUntilClosedAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
