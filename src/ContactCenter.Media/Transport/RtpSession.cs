using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Transport;

/// <summary>One RTP stream over UDP: sends numbered packets to the remote address, receives and parses packets, and
/// reports RTP inactivity.</summary>
/// <remarks>
/// <para>Symmetric RTP (RFC 4961): packets are sent to the address from SDP until the first packet arrives; from then
/// on the session latches to that packet's source address and port (the far end may sit behind NAT) and ignores packets
/// from anywhere else.</para>
/// <para>Times come from the injected <see cref="TimeProvider"/>: arrival times handed to the handler are on the
/// shared <see cref="MediaClock"/>, and the inactivity check runs on one of its timers.</para>
/// <para>RTCP (RFC 3550 §6) runs on the next port: see <c>RtpSession.Rtcp.cs</c>.</para>
/// <para>Datagrams come from an engine's shared <see cref="RtpReceiver"/> threads when one is given, else from two
/// asynchronous receive loops of the session's own.</para>
/// </remarks>
public sealed partial class RtpSession : IAsyncDisposable
{
    private const int MaxDatagram = 1500;

    private readonly RtpSocketPair _sockets;
    private readonly TimeProvider _time;
    private readonly RtpPacketHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeSpan _inactivityTimeout;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _sendLock = new();
    private readonly byte[] _sendBuffer = new byte[MaxDatagram];
    private readonly ITimer? _inactivityTimer;
    private readonly IDisposable? _housekeeping;
    private readonly RtpReceiver? _receiver;
    private RtpReceiveRegistration? _rtpRegistration;
    private RtpReceiveRegistration? _rtcpRegistration;
    private SocketAddress? _latched;
    private IPEndPoint? _remote;
    private SocketAddress? _remoteAddress;
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastReceivedTicks;
    private int _inactiveRaised;
    private long _packetsReceived;
    private int _disposed;

    /// <summary>Creates a session on <paramref name="sockets"/> (owned from now on).</summary>
    /// <param name="sockets">Allocated sockets.</param>
    /// <param name="outbound">Numbering of the packets this session sends.</param>
    /// <param name="options">Transport settings (inactivity timeout).</param>
    /// <param name="time">Clock for arrival times and the inactivity timer.</param>
    /// <param name="handler">Called for every valid RTP packet from the latched source.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="receiver">Shared receive threads to serve the sockets; null for loops of the session's own.</param>
    /// <param name="scheduler">Shared ticks for the inactivity check and RTCP reports (visited at least once a second);
    /// null for timers of the session's own.</param>
    public RtpSession(RtpSocketPair sockets, RtpOutboundStream outbound, RtpTransportOptions options, TimeProvider time, RtpPacketHandler handler, ILogger? logger = null, RtpReceiver? receiver = null, FrameScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(handler);
        _sockets = sockets;
        Outbound = outbound;
        _time = time;
        _handler = handler;
        _receiver = receiver;
        _logger = logger ?? NullLogger.Instance;
        _inactivityTimeout = options.InactivityTimeout;
        _lastReceivedTicks = MediaClock.Now(time).Ticks;
        _rtcpInterval = options.RtcpInterval;
        _cname = $"cc-{outbound.Ssrc:x8}-{Random.Shared.Next():x8}@media";
        if (scheduler is not null)
        {
            _nextRtcpTicks = (Now + NextRtcpDelay()).Ticks;
            _housekeeping = scheduler.AddCheck(Housekeep);
        }
        else
        {
            var period = options.InactivityTimeout / 4;
            _inactivityTimer = time.CreateTimer(static s => ((RtpSession)s!).CheckInactivity(), this, period, period);
            _rtcpTimer = time.CreateTimer(static s => ((RtpSession)s!).OnRtcpTimer(), this, NextRtcpDelay(), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Raised once when no RTP has arrived for the inactivity timeout; again only after traffic resumed.</summary>
    public event Action<RtpSession>? Inactive;

    /// <summary>Numbering of outgoing packets, shared by every source feeding this session.</summary>
    public RtpOutboundStream Outbound { get; }

    /// <summary>Local RTP address, to be offered in SDP.</summary>
    public IPEndPoint LocalEndPoint => _sockets.LocalEndPoint;

    /// <summary>Where packets are sent: the SDP address, or the latched source once a packet arrived.</summary>
    public IPEndPoint? RemoteEndPoint => Volatile.Read(ref _remote);

    /// <summary>RTP packets accepted from the latched source and handed to the handler.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Whether the session has latched to a source.</summary>
    public bool IsLatched => Volatile.Read(ref _latched) is not null;

    /// <summary>The engine's monotonic time (<see cref="MediaClock"/>), the base of arrival times.</summary>
    public TimeSpan Now => MediaClock.Now(_time);

    /// <summary>Sets the remote address from SDP (ignored for sending once latched).</summary>
    public void SetRemote(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!IsLatched)
        {
            Volatile.Write(ref _remoteAddress, remote.Serialize());
            Volatile.Write(ref _remote, remote);
        }
    }

    /// <summary>Starts receiving.</summary>
    public void Start()
    {
        if (_receiver is not null)
        {
            if (_rtpRegistration is null)
            {
                (_rtpRegistration, _rtcpRegistration) = _receiver.Register(_sockets.Rtp, _sockets.Rtcp, this);
            }
            return;
        }
        if (_receiveLoop.IsCompleted)
        {
            _receiveLoop = Task.Run(() => ReceiveLoopAsync(_sockets.Rtp, rtcp: false));
            _rtcpLoop = Task.Run(() => ReceiveLoopAsync(_sockets.Rtcp, rtcp: true));
        }
    }

    /// <summary>Sends one audio payload numbered by <see cref="Outbound"/>.</summary>
    /// <returns>False when there is no remote address yet.</returns>
    public bool SendAudio(ReadOnlySpan<byte> payload, int samples, bool marker = false)
    {
        // The serialised address, so that a send allocates nothing.
        var remote = Volatile.Read(ref _remoteAddress);
        if (remote is null)
        {
            return false;
        }
        lock (_sendLock)
        {
            var header = Outbound.Next(samples, payload.Length, Now, marker);
            var length = RtpPacketWriter.Write(_sendBuffer, header, payload);
            return TrySend(_sendBuffer.AsSpan(0, length), remote);
        }
    }

    /// <summary>Sends audio relayed from another leg, renumbered by <see cref="RtpOutboundStream.NextRelayed"/> so the
    /// source's spacing, losses and order carry through.</summary>
    /// <returns>False when there is no remote address yet.</returns>
    public bool RelayAudio(in RtpHeader source, ReadOnlySpan<byte> payload)
    {
        var remote = Volatile.Read(ref _remoteAddress);
        if (remote is null || payload.IsEmpty)
        {
            return false;
        }
        lock (_sendLock)
        {
            var header = Outbound.NextRelayed(source, payload.Length, payload.Length, Now);
            var length = RtpPacketWriter.Write(_sendBuffer, header, payload);
            return TrySend(_sendBuffer.AsSpan(0, length), remote);
        }
    }

    /// <summary>Sends one RFC 4733 telephone-event packet; it takes the next sequence number but keeps the event's
    /// timestamp.</summary>
    /// <returns>False when there is no remote address yet.</returns>
    public bool SendTelephoneEvent(byte payloadType, in TelephoneEventPacket packet)
    {
        var remote = Volatile.Read(ref _remoteAddress);
        if (remote is null)
        {
            return false;
        }
        Span<byte> payload = stackalloc byte[TelephoneEventPayload.Length];
        packet.Payload.Write(payload);
        lock (_sendLock)
        {
            var header = Outbound.NextWithTimestamp(payloadType, packet.Timestamp, packet.Marker, payload.Length);
            var length = RtpPacketWriter.Write(_sendBuffer, header, payload);
            return TrySend(_sendBuffer.AsSpan(0, length), remote);
        }
    }

    /// <summary>Sends BYE, stops receiving and closes the sockets. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _housekeeping?.Dispose();
        if (_inactivityTimer is not null)
        {
            await _inactivityTimer.DisposeAsync();
        }
        if (_rtcpTimer is not null)
        {
            await _rtcpTimer.DisposeAsync();
        }
        SendRtcp(goodbye: true);
        await _stopping.CancelAsync();
        // Before closing: a descriptor closed while still registered could be reused by another socket meanwhile.
        _rtpRegistration?.Unregister();
        _rtcpRegistration?.Unregister();
        _sockets.Dispose();
        try
        {
            await Task.WhenAll(_receiveLoop, _rtcpLoop);
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    private bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            _sockets.Rtp.SendTo(datagram, SocketFlags.None, remote);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Sends run on pacer timers: a closed leg or an unreachable peer must not take the timer thread down.
            LogSendFailed(_logger, LocalEndPoint, ex.Message);
            return false;
        }
    }

    /// <summary>Receives on the RTP or the RTCP socket until disposal, handing each datagram to its handler.</summary>
    private async Task ReceiveLoopAsync(Socket socket, bool rtcp)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var source = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source, _stopping.Token);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // ICMP port unreachable from an earlier send (Windows reports it on receive); keep listening.
                    continue;
                }
                if (rtcp)
                {
                    OnRtcpDatagram(buffer.AsSpan(0, received), source);
                }
                else
                {
                    OnDatagram(buffer.AsSpan(0, received), source);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
            || (ex is SocketException && _stopping.IsCancellationRequested))
        {
            // Disposal.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A datagram from the shared receive threads.</summary>
    internal void OnReceived(bool rtcp, ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (rtcp)
        {
            OnRtcpDatagram(datagram, source);
        }
        else
        {
            OnDatagram(datagram, source);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (!RtpPacket.TryParse(datagram, out var packet, out var error))
        {
            LogMalformedPacket(_logger, LocalEndPoint, error);
            return;
        }
        var latched = Volatile.Read(ref _latched);
        if (latched is null)
        {
            latched = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span.CopyTo(latched.Buffer.Span);
            var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(latched);
            Volatile.Write(ref _remoteAddress, latched);
            Volatile.Write(ref _remote, endPoint);
            Volatile.Write(ref _latched, latched);
            LogLatched(_logger, LocalEndPoint, endPoint);
        }
        else if (!latched.Equals(source))
        {
            return;
        }
        var now = Now;
        RecordStatistics(packet.Header, now);
        Volatile.Write(ref _lastReceivedTicks, now.Ticks);
        Volatile.Write(ref _inactiveRaised, 0);
        try
        {
            _handler(this, packet, now);
        }
        catch (Exception ex)
        {
            // A failing consumer must not stop reception for the call.
            LogHandlerFailed(_logger, LocalEndPoint, ex);
        }
        Interlocked.Increment(ref _packetsReceived);
    }

    /// <summary>The scheduler's visit (at least once a second): the inactivity check and a report when one is due.</summary>
    private void Housekeep()
    {
        CheckInactivity();
        if (Now.Ticks >= Volatile.Read(ref _nextRtcpTicks))
        {
            Volatile.Write(ref _nextRtcpTicks, (Now + NextRtcpDelay()).Ticks);
            SendRtcp(goodbye: false);
        }
    }

    private void CheckInactivity()
    {
        var idle = Now - TimeSpan.FromTicks(Volatile.Read(ref _lastReceivedTicks));
        if (idle >= _inactivityTimeout && Interlocked.Exchange(ref _inactiveRaised, 1) == 0)
        {
            LogInactive(_logger, LocalEndPoint, idle);
            Inactive?.Invoke(this);
        }
    }

    [LoggerMessage(6001, LogLevel.Information, "RTP session {Local} latched to {Remote}")]
    private static partial void LogLatched(ILogger logger, IPEndPoint local, IPEndPoint remote);

    [LoggerMessage(6002, LogLevel.Debug, "RTP session {Local} dropped a malformed packet: {Error}")]
    private static partial void LogMalformedPacket(ILogger logger, IPEndPoint local, RtpParseError error);

    [LoggerMessage(6004, LogLevel.Error, "RTP session {Local}: the packet handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, IPEndPoint local, Exception exception);

    [LoggerMessage(6008, LogLevel.Debug, "RTP session {Local} could not send: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint local, string reason);

    [LoggerMessage(6003, LogLevel.Information, "RTP session {Local} inactive: nothing received for {Idle}")]
    private static partial void LogInactive(ILogger logger, IPEndPoint local, TimeSpan idle);
}
