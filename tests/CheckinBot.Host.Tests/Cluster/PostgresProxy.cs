using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// A TCP proxy on loopback between the nodes and PostgreSQL, so that one cluster's database can become unreachable while
/// the shared PostgreSQL server, which other test assemblies use at the same time, keeps running.
/// While cut, every open connection is reset and every new one is reset as soon as it is accepted.
/// </summary>
public sealed class PostgresProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string serverHost;
    private readonly int serverPort;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private volatile bool cut;

    public PostgresProxy(string serverHost, int serverPort)
    {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>From now on PostgreSQL cannot be reached through the proxy: open connections are reset, new ones refused.</summary>
    public void Cut()
    {
        cut = true;
        foreach (var socket in open.Keys)
        {
            Reset(socket);
        }
    }

    public void Restore() => cut = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (cut)
            {
                Reset(client);
                continue;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(serverHost, serverPort, stopping.Token);
            if (cut)
            {
                return;
            }

            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ends; the other side sees it as a database that went away.
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
                if (read == 0 || cut)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away.
        }
    }

    /// <summary>Closes at once with a reset, the way a peer that vanished looks to the other side.</summary>
    private void Reset(Socket socket)
    {
        open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        foreach (var socket in open.Keys)
        {
            Reset(socket);
        }

        stopping.Dispose();
    }
}
