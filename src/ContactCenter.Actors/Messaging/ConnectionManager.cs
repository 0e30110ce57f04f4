using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Membership;

namespace ContactCenter.Actors.Messaging;

/// <summary>The process's connections: one per peer for sending (dialled on first use, or the one the peer opened),
/// plus the listener that accepts peers' connections. A connection's first frame is the dialer's handshake naming
/// itself and the address it meant to reach.</summary>
internal sealed class ConnectionManager(ActorRuntime runtime) : IConnectionOwner
{
    private readonly ConcurrentDictionary<SiloAddress, Connection> _byPeer = new();
    private readonly ConcurrentDictionary<SiloAddress, Task<Connection>> _dialing = new();
    private readonly ConcurrentDictionary<Connection, byte> _all = new();
    private readonly ConcurrentDictionary<SiloAddress, TaskCompletionSource<Connection>> _awaitedPeers = new();
    private Socket? _listener;
    private volatile bool _stopped;

    /// <summary>Starts accepting on <paramref name="endpoint"/> (port 0 picks a free one); returns the bound endpoint.</summary>
    public IPEndPoint Listen(IPEndPoint endpoint)
    {
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        listener.Listen(512);
        _listener = listener;
        _ = Task.Run(AcceptLoopAsync);
        return (IPEndPoint)listener.LocalEndPoint!;
    }

    public Connection? TryGetExisting(SiloAddress peer) =>
        _byPeer.TryGetValue(peer, out var connection) && connection.IsOpen ? connection : null;

    /// <summary>A connection the (client) peer opened to this process; waits up to the connect timeout for it to
    /// arrive, since a client connects to every silo it sees but may not have reached this one yet.</summary>
    public async Task<Connection> GetInboundAsync(SiloAddress peer)
    {
        if (TryGetExisting(peer) is { } existing)
        {
            return existing;
        }
        var arrival = _awaitedPeers.GetOrAdd(peer, _ => new TaskCompletionSource<Connection>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (TryGetExisting(peer) is { } raced)
        {
            return raced;
        }
        try
        {
            return await arrival.Task.WaitAsync(runtime.Options.ConnectTimeout, runtime.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DeliveryFailedException($"{peer} has no open connection to this process");
        }
    }

    /// <summary>Opens connections to every peer in <paramref name="peers"/> that has none (clients keep one to every
    /// silo so that any silo can reach their observers).</summary>
    public void Connect(IEnumerable<SiloAddress> peers)
    {
        foreach (var peer in peers)
        {
            if (!_stopped && TryGetExisting(peer) is null)
            {
                DialOnceAsync(peer).ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            }
        }
    }

    public ValueTask<Connection> GetAsync(SiloAddress peer)
    {
        if (TryGetExisting(peer) is { } existing)
        {
            return ValueTask.FromResult(existing);
        }
        return new ValueTask<Connection>(DialOnceAsync(peer));
    }

    /// <summary>Closes everything at once, nothing flushed, as when the process is killed.</summary>
    public void Abort()
    {
        _stopped = true;
        _listener?.Close();
        foreach (var connection in _all.Keys)
        {
            connection.Abort();
        }
    }

    /// <summary>Closes every connection but keeps listening: peers must reconnect to this process's new generation.</summary>
    public void DropConnections()
    {
        foreach (var connection in _all.Keys)
        {
            connection.Abort();
        }
    }

    /// <summary>Closes the connections to peers <paramref name="view"/> holds dead. A silo cut off from the database is
    /// fenced but still connected, and would hold the calls sent to it until they time out; closing fails them now
    /// (<see cref="Calls.Dispatcher.FailCallsTo"/>), so callers retry against the grains' new activations.</summary>
    public void DropDead(MembershipView view)
    {
        foreach (var connection in _all.Keys)
        {
            if (connection.Peer is { } peer && view.IsDead(peer))
            {
                connection.Abort(new SiloUnavailableException($"{peer} was declared dead"));
            }
        }
    }

    /// <summary>Stops accepting, flushes what is queued on every connection, then closes them.</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        _stopped = true;
        _listener?.Close();
        await Task.WhenAll(_all.Keys.Select(c => c.CloseAsync(timeout, runtime.TimeProvider))).ConfigureAwait(false);
    }

    public bool OnReceived(Connection connection, Message message)
    {
        if (message.Kind == MessageKind.Handshake)
        {
            if (connection.Peer is not null)
            {
                return true;
            }
            if (message.MovedTo != runtime.Address)
            {
                runtime.Log.WrongRecipient(message.MovedTo!, runtime.Address);
                return false;
            }
            connection.SetPeer(message.Sender!);
            _byPeer.TryAdd(message.Sender!, connection);
            if (_awaitedPeers.TryRemove(message.Sender!, out var waiter))
            {
                waiter.TrySetResult(connection);
            }
            return true;
        }
        if (connection.Peer is null)
        {
            return false; // a peer must introduce itself before anything else
        }
        runtime.Dispatcher.OnMessage(connection, message);
        return true;
    }

    public void OnUndecodable(Connection connection, MessageDecodeException exception) =>
        runtime.Dispatcher.OnUndecodable(connection, exception);

    public void OnUnencodable(Connection connection, Message message, Exception exception) =>
        runtime.Dispatcher.OnUnencodable(connection, message, exception);

    public void OnClosed(Connection connection, Exception? reason)
    {
        _all.TryRemove(connection, out _);
        if (connection.Peer is not { } peer)
        {
            return;
        }
        _byPeer.TryRemove(new KeyValuePair<SiloAddress, Connection>(peer, connection));
        if (!_stopped)
        {
            runtime.Log.ConnectionClosed(peer.ToString(), reason);
        }
        runtime.Dispatcher.FailCallsTo(peer, connection);
        runtime.Membership.OnConnectionLost(peer);
    }

    private async Task<Connection> DialOnceAsync(SiloAddress peer)
    {
        var dial = _dialing.GetOrAdd(peer, p => DialAsync(p));
        try
        {
            return await dial.ConfigureAwait(false);
        }
        finally
        {
            _dialing.TryRemove(new KeyValuePair<SiloAddress, Task<Connection>>(peer, dial));
        }
    }

    private async Task<Connection> DialAsync(SiloAddress peer)
    {
        if (_stopped)
        {
            throw new DeliveryFailedException("this process is stopping");
        }
        if (!peer.IsDialable)
        {
            throw new DeliveryFailedException($"{peer} is a client and has no connection open to this process");
        }
        if (!runtime.Membership.MayBeAlive(peer))
        {
            throw new DeliveryFailedException($"{peer} is dead");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(runtime.Options.ConnectTimeout, runtime.TimeProvider);
            await socket.ConnectAsync(peer.Host, peer.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new DeliveryFailedException($"could not connect to {peer}: {exception.Message}");
        }
        var connection = new Connection(socket, runtime.Codec, this, peer);
        _all[connection] = 0;
        connection.Send(new Message { Kind = MessageKind.Handshake, Sender = runtime.Address, MovedTo = peer });
        connection.Start();
        _byPeer[peer] = connection;
        return connection;
    }

    private async Task AcceptLoopAsync()
    {
        var listener = _listener!;
        while (!_stopped)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            var connection = new Connection(socket, runtime.Codec, this, peer: null);
            _all[connection] = 0;
            connection.Start();
            _ = RequireHandshakeAsync(connection);
        }
    }

    /// <summary>A peer that connects and never introduces itself holds a socket for nothing: close it.</summary>
    private async Task RequireHandshakeAsync(Connection connection)
    {
        await Task.Delay(runtime.Options.ConnectTimeout, runtime.TimeProvider).ConfigureAwait(false);
        if (connection.Peer is null)
        {
            connection.Abort(new TimeoutException("no handshake"));
        }
    }
}
