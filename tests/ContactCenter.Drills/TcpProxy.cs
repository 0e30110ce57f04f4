using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Drills;

/// <summary>A TCP relay on loopback in front of a server (PostgreSQL), so a drill can cut a process off from the
/// database as a network partition does (<see cref="Cut"/>: nothing gets through, nothing is refused) or as a server
/// restart does (<see cref="ResetAll"/>: every connection reset), and later let it reconnect.</summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<(TcpClient Client, TcpClient Server)> _pairs = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port processes should connect to instead of the server's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>From now on bytes in either direction are dropped and new connections are accepted but go nowhere:
    /// the process sees its queries hang, as behind a failed network path.</summary>
    public void Cut() => _cut = true;

    /// <summary>Ends a <see cref="Cut"/>: the connections that were hanging are reset (a real partition outlasts
    /// their timeouts) and new ones are relayed again.</summary>
    public void Restore()
    {
        ResetAll();
        _cut = false;
    }

    /// <summary>Resets every connection now, as a restarting server does.</summary>
    public void ResetAll()
    {
        lock (_lock)
        {
            foreach (var (client, server) in _pairs)
            {
                Reset(client);
                Reset(server);
            }
            _pairs.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        if (_cut)
        {
            // Hold the connection without an answer until the cut ends, then reset it.
            await DiscardWhileCutAsync(client);
            Reset(client);
            return;
        }
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            Reset(client);
            server.Dispose();
            return;
        }
        lock (_lock)
        {
            _pairs.Add((client, server));
        }
        var toServer = PumpAsync(client, server);
        var toClient = PumpAsync(server, client);
        await Task.WhenAny(toServer, toClient);
        Reset(client);
        Reset(server);
        lock (_lock)
        {
            _pairs.Remove((client, server));
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var destination = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                if (!_cut)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Either side went away or the pair was cut: the caller resets both.
        }
    }

    private async Task DiscardWhileCutAsync(TcpClient client)
    {
        lock (_lock)
        {
            _pairs.Add((client, client));
        }
        var buffer = new byte[1024];
        try
        {
            while (_cut && await client.GetStream().ReadAsync(buffer, _stop.Token) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Reset by Restore, or the process gave up.
        }
    }

    private static void Reset(TcpClient connection)
    {
        try
        {
            // Linger 0: close with RST, as a vanished peer or a dropped network path looks to the other end.
            if (connection.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            connection.Close();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut();
        _stop.Dispose();
    }
}
