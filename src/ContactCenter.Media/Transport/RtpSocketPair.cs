using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Transport;

/// <summary>The UDP sockets of one media stream: RTP on an even port and RTCP on the next odd one (RFC 3550 §11).</summary>
public sealed class RtpSocketPair : IDisposable
{
    internal RtpSocketPair(Socket rtp, Socket rtcp)
    {
        Rtp = rtp;
        Rtcp = rtcp;
        LocalEndPoint = (IPEndPoint)rtp.LocalEndPoint!;
    }

    /// <summary>The RTP socket.</summary>
    public Socket Rtp { get; }

    /// <summary>The RTCP socket.</summary>
    public Socket Rtcp { get; }

    /// <summary>The RTP socket's local address and port (the one offered in SDP).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Closes both sockets, which frees the ports.</summary>
    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }
}
