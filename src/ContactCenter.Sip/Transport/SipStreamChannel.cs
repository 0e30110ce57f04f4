using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>SIP over TCP or TLS: a listener plus a table of connections keyed by the peer's address. A message for an
/// address with an open connection uses it — in particular a response goes back on the connection its request came
/// on (RFC 3261 §18.2.2); otherwise a new connection is opened (§18.1.1). Idle connections are closed by a sweep on
/// the injected clock.</summary>
internal sealed partial class SipStreamChannel : IAsyncDisposable
{
    private static readonly TimeSpan AcceptErrorPause = TimeSpan.FromMilliseconds(100);

    private readonly SipTransportKind _kind;
    private readonly Socket _listener;
    private readonly SipTransportOptions _options;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentDictionary<SipEndPoint, SipStreamConnection> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly KeyValuePair<string, object?> _transportTag;
    private ITimer? _sweep;
    private SipReceiver? _receiver;
    private CancellationToken _stopping;
    private Task _acceptLoop = Task.CompletedTask;

    public SipStreamChannel(SipTransportKind kind, IPEndPoint bind, SipTransportOptions options, X509Certificate2? certificate, TimeProvider time, SipMetrics metrics, ILogger logger)
    {
        _kind = kind;
        _options = options;
        _certificate = certificate;
        _transportTag = new("transport", kind == SipTransportKind.Tls ? "tls" : "tcp");
        Time = time;
        Metrics = metrics;
        Logger = logger;
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(bind);
            _listener.Listen(512);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }
        LocalEndPoint = SipEndPoints.From(kind, (IPEndPoint)_listener.LocalEndPoint!);
    }

    public SipEndPoint LocalEndPoint { get; }

    public int ConnectionCount => _connections.Count;

    internal TimeProvider Time { get; }

    internal SipMetrics Metrics { get; }

    internal ILogger Logger { get; }

    internal SipParserOptions ParserOptions => _options.Parser;

    public void Start(SipReceiver receiver, CancellationToken stopping)
    {
        _receiver = receiver;
        _stopping = stopping;
        _sweep = Time.CreateTimer(static state => ((SipStreamChannel)state!).SweepIdle(), this, _options.IdleSweepInterval, _options.IdleSweepInterval);
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
    }

    public bool Send(SipMessage message, SipEndPoint destination, Action? onFailure)
    {
        var bytes = SipMessageSerializer.Serialize(message);
        if (_connections.TryGetValue(destination, out var connection) && !connection.IsClosing)
        {
            return Enqueue(connection, bytes, onFailure);
        }
        // §18.2.2: the request's connection is gone; a response then goes to the Via's received address and sent-by port.
        if (message is SipResponse { TopVia: { } via })
        {
            destination = new SipEndPoint(_kind, via.Received ?? destination.Host, via.Port ?? (_kind == SipTransportKind.Tls ? 5061 : 5060));
            if (_connections.TryGetValue(destination, out connection) && !connection.IsClosing)
            {
                return Enqueue(connection, bytes, onFailure);
            }
        }
        if (_receiver is null || !SipEndPoints.TryGetIPEndPoint(destination, out var target))
        {
            LogCannotConnect(Logger, destination);
            return false;
        }
        if (connection is not null)
        {
            // Closing but not yet removed: take its place so the message is not lost with it.
            Remove(connection);
        }
        var created = new SipStreamConnection(this, destination, _options.MaxQueuedMessagesPerConnection, _stopping);
        connection = _connections.GetOrAdd(destination, created);
        if (!Enqueue(connection, bytes, onFailure))
        {
            return false;
        }
        if (ReferenceEquals(connection, created))
        {
            Metrics.Connections.Add(1, _transportTag);
            Track(created.RunAsync(cancellation => ConnectAsync(target, destination.Host, cancellation), _receiver));
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _sweep?.Dispose();
        _listener.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Close();
        }
        await _acceptLoop;
        await Task.WhenAll(_running.Keys);
    }

    internal void Remove(SipStreamConnection connection)
    {
        if (_connections.TryRemove(new KeyValuePair<SipEndPoint, SipStreamConnection>(connection.Remote, connection)))
        {
            Metrics.Connections.Add(-1, _transportTag);
        }
    }

    internal void CountError(string reason) => Metrics.TransportErrors.Add(1, _transportTag, new("reason", reason));

    private bool Enqueue(SipStreamConnection connection, byte[] bytes, Action? onFailure)
    {
        if (connection.Enqueue(bytes, onFailure))
        {
            return true;
        }
        CountError("queue_full");
        LogQueueFull(Logger, connection.Remote);
        return false;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                CountError("accept");
                LogAcceptFailed(Logger, exception.SocketErrorCode);
                // Out of descriptors or memory: pause rather than spin on the same error.
                await PauseAsync();
                continue;
            }
            var remote = SipEndPoints.From(_kind, (IPEndPoint)socket.RemoteEndPoint!);
            var connection = new SipStreamConnection(this, remote, _options.MaxQueuedMessagesPerConnection, _stopping);
            if (_connections.Count >= _options.MaxConnections || !_connections.TryAdd(remote, connection))
            {
                CountError("refused");
                LogRefused(Logger, remote, _options.MaxConnections);
                socket.Dispose();
                continue;
            }
            Metrics.Connections.Add(1, _transportTag);
            Track(connection.RunAsync(cancellation => AcceptedAsync(socket, cancellation), _receiver!));
        }
    }

    private async Task PauseAsync()
    {
        try
        {
            await Task.Delay(AcceptErrorPause, Time, _stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<Stream> AcceptedAsync(Socket socket, CancellationToken cancellation)
    {
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: true);
        if (_kind != SipTransportKind.Tls)
        {
            return stream;
        }
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var options = new SslServerAuthenticationOptions { ServerCertificate = _certificate };
        return await WithDeadlineAsync(tls, tls.AuthenticateAsServerAsync(options, cancellation), cancellation);
    }

    private async Task<Stream> ConnectAsync(IPEndPoint target, string host, CancellationToken cancellation)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellation).AsTask().WaitAsync(_options.ConnectTimeout, Time, cancellation);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var stream = new NetworkStream(socket, ownsSocket: true);
        if (_kind != SipTransportKind.Tls)
        {
            return stream;
        }
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host.Trim('[', ']'),
            RemoteCertificateValidationCallback = _options.TlsRemoteCertificateValidation,
        };
        return await WithDeadlineAsync(tls, tls.AuthenticateAsClientAsync(options, cancellation), cancellation);
    }

    /// <summary>Waits for a connect or handshake step within <see cref="SipTransportOptions.ConnectTimeout"/> on the
    /// injected clock; on failure the stream is disposed (which also aborts the step).</summary>
    private async Task<Stream> WithDeadlineAsync(Stream stream, Task step, CancellationToken cancellation)
    {
        try
        {
            await step.WaitAsync(_options.ConnectTimeout, Time, cancellation);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void SweepIdle()
    {
        var now = Time.GetTimestamp();
        foreach (var connection in _connections.Values)
        {
            if (Time.GetElapsedTime(connection.LastActivity, now) >= _options.ConnectionIdleTimeout)
            {
                LogIdleClosed(Logger, connection.Remote);
                connection.Close();
            }
        }
    }

    [LoggerMessage(5018, LogLevel.Warning, "SIP: cannot open a connection to {Destination} (not an IP address, or not started)")]
    private static partial void LogCannotConnect(ILogger logger, SipEndPoint destination);

    [LoggerMessage(5019, LogLevel.Warning, "SIP: the send queue to {Remote} is full; message dropped")]
    private static partial void LogQueueFull(ILogger logger, SipEndPoint remote);

    [LoggerMessage(5020, LogLevel.Warning, "SIP: accepting a connection failed ({Error})")]
    private static partial void LogAcceptFailed(ILogger logger, SocketError error);

    [LoggerMessage(5021, LogLevel.Warning, "SIP: refused a connection from {Remote} (limit {Limit} reached or duplicate)")]
    private static partial void LogRefused(ILogger logger, SipEndPoint remote, int limit);

    [LoggerMessage(5022, LogLevel.Debug, "SIP: closing the idle connection with {Remote}")]
    private static partial void LogIdleClosed(ILogger logger, SipEndPoint remote);
}
