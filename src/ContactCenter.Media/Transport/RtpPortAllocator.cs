using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Transport;

/// <summary>Hands out RTP/RTCP socket pairs from the configured port range. The operating system is the record of
/// which ports are taken: a candidate is used if both of its ports bind. Candidates are tried round-robin from where
/// the last allocation stopped, so a port just released is not reused at once (late packets of the old call would
/// land in the new one). Thread-safe.</summary>
public sealed class RtpPortAllocator
{
    private readonly RtpTransportOptions _options;
    private readonly Lock _lock = new();
    private int _next;

    /// <summary>Creates an allocator; the options are validated.</summary>
    public RtpPortAllocator(RtpTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _next = options.PortRangeStart;
    }

    /// <summary>Binds a new pair.</summary>
    /// <exception cref="InvalidOperationException">Every pair in the range is taken.</exception>
    public RtpSocketPair Allocate()
    {
        lock (_lock)
        {
            var pairs = (_options.PortRangeEnd - _options.PortRangeStart + 1) / 2;
            for (var attempt = 0; attempt < pairs; attempt++)
            {
                var port = _next;
                _next += 2;
                if (_next + 1 > _options.PortRangeEnd)
                {
                    _next = _options.PortRangeStart;
                }
                var rtp = TryBind(port);
                if (rtp is null)
                {
                    continue;
                }
                var rtcp = TryBind(port + 1);
                if (rtcp is null)
                {
                    rtp.Dispose();
                    continue;
                }
                rtp.ReceiveBufferSize = _options.ReceiveBufferSize;
                return new RtpSocketPair(rtp, rtcp);
            }
        }
        throw new InvalidOperationException(
            $"No free RTP port pair in {_options.BindAddress}:{_options.PortRangeStart}-{_options.PortRangeEnd}.");
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_options.BindAddress, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
