using System.Net;

namespace ContactCenter.Media.Transport;

/// <summary>Where RTP sockets bind. Validated by <see cref="Validate"/> when the allocator is built.</summary>
public sealed class RtpTransportOptions
{
    /// <summary>Address RTP sockets bind to. Default 127.0.0.1 (loopback, as every listener by default); production
    /// sets the media interface.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>First port of the range, even. Default 20000.</summary>
    public int PortRangeStart { get; set; } = 20000;

    /// <summary>Last port of the range (inclusive). Default 29999: 5,000 RTP/RTCP pairs.</summary>
    public int PortRangeEnd { get; set; } = 29999;

    /// <summary>No RTP received for this long raises the inactivity event. Default 30 s.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mean interval between RTCP reports; each interval is drawn uniformly from 0.5 to 1.5 times this value
    /// (RFC 3550 §6.3.1) so that sessions started together do not report in lockstep. Default 5 s, the §6.2 minimum.</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Socket receive buffer per RTP socket, in bytes. Default 256 KiB, enough for bursts on a busy host.</summary>
    public int ReceiveBufferSize { get; set; } = 256 * 1024;

    /// <summary>Whether an engine's sessions share a few receive threads (<see cref="RtpReceiver"/>, Linux) rather than
    /// each running asynchronous receive loops of its own. Default true; where epoll is not available sessions always
    /// have their own loops.</summary>
    public bool SharedReceive { get; set; } = true;

    /// <summary>Shared receive threads of an engine; 0 for one per processor. Default 0.</summary>
    public int ReceiveThreads { get; set; }

    /// <summary>How long a shared receive thread pauses after handling what one wait returned, so that the next wait
    /// collects the datagrams of many sockets at once: a thread woken for every few datagrams spends more on the
    /// wake-up than on the datagrams. Adds at most this much to a relayed packet's delay. Zero wakes for every
    /// datagram. Default 0.5 ms.</summary>
    public TimeSpan ReceiveBatchDelay { get; set; } = TimeSpan.FromMilliseconds(0.5);

    /// <summary>Throws when the settings are inconsistent.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress);
        if (PortRangeStart % 2 != 0)
        {
            throw new ArgumentException($"PortRangeStart {PortRangeStart} must be even (RTP on even ports, RFC 3550 §11).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(PortRangeStart, 1024, nameof(PortRangeStart));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PortRangeEnd, 65535, nameof(PortRangeEnd));
        ArgumentOutOfRangeException.ThrowIfLessThan(PortRangeEnd, PortRangeStart + 1, nameof(PortRangeEnd));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InactivityTimeout, TimeSpan.Zero, nameof(InactivityTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReceiveBufferSize, nameof(ReceiveBufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RtcpInterval, TimeSpan.Zero, nameof(RtcpInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(ReceiveThreads, nameof(ReceiveThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveBatchDelay, TimeSpan.Zero, nameof(ReceiveBatchDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ReceiveBatchDelay, TimeSpan.FromMilliseconds(5), nameof(ReceiveBatchDelay));
    }
}
