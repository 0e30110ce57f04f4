using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>SIP over UDP: one socket; every datagram is one message for the <see cref="SipReceiver"/> (which also
/// ignores stray CRLF keep-alives, RFC 5626 §3.5.1 applies to streams only). Sends go out at once.</summary>
internal sealed partial class SipUdpChannel : IDisposable
{
    private const int MaxDatagram = 65535;

    private readonly Socket _socket;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private Task _loop = Task.CompletedTask;

    public SipUdpChannel(IPEndPoint bind, SipMetrics metrics, ILogger logger)
    {
        _metrics = metrics;
        _logger = logger;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(bind);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = SipEndPoints.From(SipTransportKind.Udp, (IPEndPoint)_socket.LocalEndPoint!);
    }

    public SipEndPoint LocalEndPoint { get; }

    public Task Loop => _loop;

    public void Start(SipReceiver receiver, CancellationToken cancellation) =>
        _loop = Task.Run(() => ReceiveLoopAsync(receiver, cancellation), CancellationToken.None);

    public bool Send(SipMessage message, SipEndPoint destination)
    {
        if (!SipEndPoints.TryGetIPEndPoint(destination, out var target))
        {
            LogUnresolvable(_logger, destination);
            return false;
        }
        try
        {
            _socket.SendTo(SipMessageSerializer.Serialize(message), SocketFlags.None, target);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            _metrics.TransportErrors.Add(1, new("transport", "udp"), new("reason", "send"));
            LogSendFailed(_logger, destination, exception);
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task ReceiveLoopAsync(SipReceiver receiver, CancellationToken cancellation)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellation.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellation);
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                // An ICMP error for an earlier send surfaces here on some platforms: not a reason to stop listening.
                _metrics.TransportErrors.Add(1, new("transport", "udp"), new("reason", "receive"));
                LogReceiveFailed(_logger, exception.SocketErrorCode, exception);
                continue;
            }
            var source = SipEndPoints.From(SipTransportKind.Udp, (IPEndPoint)received.RemoteEndPoint);
            try
            {
                receiver.Receive(buffer.AsSpan(0, received.ReceivedBytes), source);
            }
            catch (Exception exception)
            {
                // The receiver contains its own failures; this is the last line of defence for the loop.
                _metrics.HandlerFailures.Add(1);
                LogHandlerFailed(_logger, source, exception);
            }
        }
    }

    [LoggerMessage(5010, LogLevel.Warning, "SIP/UDP: receive failed ({Error}); listening on")]
    private static partial void LogReceiveFailed(ILogger logger, SocketError error, Exception exception);

    [LoggerMessage(5011, LogLevel.Debug, "SIP/UDP: send to {Destination} failed")]
    private static partial void LogSendFailed(ILogger logger, SipEndPoint destination, Exception exception);

    [LoggerMessage(5012, LogLevel.Warning, "SIP: cannot send to {Destination}: the host is not an IP address")]
    private static partial void LogUnresolvable(ILogger logger, SipEndPoint destination);

    [LoggerMessage(5013, LogLevel.Error, "SIP: handling a message from {Source} failed")]
    private static partial void LogHandlerFailed(ILogger logger, SipEndPoint source, Exception exception);
}
