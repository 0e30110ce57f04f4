using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

/// <summary>The RTCP side of a session: a compound SR or RR plus SDES CNAME at randomised intervals (RFC 3550 §6.1,
/// §6.3), reception statistics of the latched source (§A.1, §A.3, §A.8), LSR/DLSR from the source's sender reports,
/// the far end's reports about our stream, and BYE when the session ends (§6.6). RTCP latches like RTP: to the first
/// source, else to the RTP remote's port plus one.</summary>
public sealed partial class RtpSession
{
    private readonly Lock _statisticsLock = new();
    private readonly TimeSpan _rtcpInterval;
    private readonly string _cname;
    private readonly ITimer? _rtcpTimer;
    private long _nextRtcpTicks;
    private readonly byte[] _rtcpSendBuffer = new byte[MaxDatagram];
    private RtpReceiverStatistics? _statistics;
    private uint _remoteSsrc;
    private uint _lastSenderReport;
    private TimeSpan _lastSenderReportArrival;
    private uint _packetsAtLastReport;
    private SocketAddress? _rtcpLatched;
    private Task _rtcpLoop = Task.CompletedTask;
    private long _reportsSent;

    /// <summary>Raised on the RTCP loop for each report block the far end sends about this session's stream.</summary>
    public event Action<RtpSession, RtcpReportBlock>? ReportReceived;

    /// <summary>Raised on the RTCP loop when the far end sends BYE.</summary>
    public event Action<RtpSession>? Goodbye;

    /// <summary>Compound RTCP packets sent.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary>This session's CNAME (random per session, as RFC 7022 recommends).</summary>
    public string Cname => _cname;

    /// <summary>The report block this session would send now about the latched source, if any packet was received.</summary>
    public RtcpReportBlock? CurrentReceptionReport()
    {
        lock (_statisticsLock)
        {
            return _statistics is { Received: > 0 } stats ? Block(stats, advanceInterval: false) : null;
        }
    }

    private TimeSpan NextRtcpDelay() => _rtcpInterval * (0.5 + Random.Shared.NextDouble());

    private void RecordStatistics(in RtpHeader header, TimeSpan arrival)
    {
        lock (_statisticsLock)
        {
            if (_statistics is null || header.Ssrc != _remoteSsrc)
            {
                // A new SSRC is a new source (§8.2): its statistics start over.
                _statistics = new RtpReceiverStatistics();
                _remoteSsrc = header.Ssrc;
            }
            _statistics.OnPacket(header.SequenceNumber, header.Timestamp, arrival);
        }
    }

    private void OnRtcpTimer()
    {
        SendRtcp(goodbye: false);
        try
        {
            _rtcpTimer?.Change(NextRtcpDelay(), Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reporting.
        }
    }

    private void SendRtcp(bool goodbye)
    {
        var target = RtcpTarget();
        if (target is null)
        {
            return;
        }
        lock (_sendLock)
        {
            var writer = new RtcpCompoundWriter(_rtcpSendBuffer);
            Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
            var count = 0;
            lock (_statisticsLock)
            {
                if (_statistics is { Received: > 0 } stats)
                {
                    blocks[0] = Block(stats, advanceInterval: true);
                    count = 1;
                }
            }
            var sent = Outbound.PacketCount;
            // §6.4: an SR if we sent RTP since the previous report, else an RR.
            if (sent != _packetsAtLastReport)
            {
                var info = new RtcpSenderInfo(NtpTime.FromDateTimeOffset(_time.GetUtcNow()), Outbound.NextTimestamp, sent, Outbound.OctetCount);
                writer.TryWriteSenderReport(Outbound.Ssrc, info, blocks[..count]);
            }
            else
            {
                writer.TryWriteReceiverReport(Outbound.Ssrc, blocks[..count]);
            }
            _packetsAtLastReport = sent;
            writer.TryWriteSourceDescription(Outbound.Ssrc, _cname);
            if (goodbye)
            {
                writer.TryWriteGoodbye([Outbound.Ssrc]);
            }
            try
            {
                _sockets.Rtcp.SendTo(writer.Written, SocketFlags.None, target);
                Interlocked.Increment(ref _reportsSent);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                LogRtcpSendFailed(_logger, LocalEndPoint, ex.Message);
            }
        }
    }

    private RtcpReportBlock Block(RtpReceiverStatistics stats, bool advanceInterval)
    {
        var lsr = _lastSenderReport;
        var dlsr = lsr == 0 ? 0 : NtpTime.ToDelayUnits(Now - _lastSenderReportArrival);
        if (advanceInterval)
        {
            return stats.CreateReportBlock(_remoteSsrc, lsr, dlsr);
        }
        return new RtcpReportBlock(_remoteSsrc, 0, (int)Math.Clamp(stats.CumulativeLost, -0x800000, 0x7FFFFF), stats.ExtendedHighestSequence, stats.Jitter, lsr, dlsr);
    }

    private SocketAddress? RtcpTarget()
    {
        var latched = Volatile.Read(ref _rtcpLatched);
        if (latched is not null)
        {
            return latched;
        }
        var remote = RemoteEndPoint;
        return remote is null ? null : new IPEndPoint(remote.Address, remote.Port + 1).Serialize();
    }

    private void OnRtcpDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        var error = RtcpCompoundReader.Validate(datagram);
        if (error != RtcpParseError.None)
        {
            LogMalformedRtcp(_logger, LocalEndPoint, error);
            return;
        }
        var latched = Volatile.Read(ref _rtcpLatched);
        if (latched is null)
        {
            latched = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span.CopyTo(latched.Buffer.Span);
            Volatile.Write(ref _rtcpLatched, latched);
        }
        else if (!latched.Equals(source))
        {
            return;
        }
        var reader = new RtcpCompoundReader(datagram);
        while (reader.TryReadNext(out var packet))
        {
            try
            {
                OnRtcpPacket(packet);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(_logger, LocalEndPoint, ex);
            }
        }
    }

    private void OnRtcpPacket(RtcpPacket packet)
    {
        if (packet.TryGetSenderInfo(out var info))
        {
            lock (_statisticsLock)
            {
                _lastSenderReport = NtpTime.Middle32(info.NtpTimestamp);
                _lastSenderReportArrival = Now;
            }
        }
        for (var i = 0; i < packet.ReportBlockCount; i++)
        {
            var block = packet.GetReportBlock(i);
            if (block.Ssrc == Outbound.Ssrc)
            {
                ReportReceived?.Invoke(this, block);
            }
        }
        if (packet.Type == (byte)RtcpPacketType.Goodbye)
        {
            LogGoodbye(_logger, LocalEndPoint, Encoding.UTF8.GetString(packet.GoodbyeReason));
            Goodbye?.Invoke(this);
        }
    }

    [LoggerMessage(6005, LogLevel.Debug, "RTP session {Local} dropped a malformed RTCP packet: {Error}")]
    private static partial void LogMalformedRtcp(ILogger logger, IPEndPoint local, RtcpParseError error);

    [LoggerMessage(6006, LogLevel.Debug, "RTP session {Local} could not send RTCP: {Reason}")]
    private static partial void LogRtcpSendFailed(ILogger logger, IPEndPoint local, string reason);

    [LoggerMessage(6007, LogLevel.Information, "RTP session {Local} received BYE ({Reason})")]
    private static partial void LogGoodbye(ILogger logger, IPEndPoint local, string reason);
}
