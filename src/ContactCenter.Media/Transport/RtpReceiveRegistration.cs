using System.Net.Sockets;

namespace ContactCenter.Media.Transport;

/// <summary>One socket served by an <see cref="RtpReceiveLoop"/>: the token epoll hands back with its events (slot
/// index and a generation, so an event still queued for a socket unregistered meanwhile matches nothing), and where
/// its datagrams go.</summary>
internal sealed class RtpReceiveRegistration(RtpReceiveLoop loop, Socket socket, int fd, RtpSession session, bool rtcp, ulong token)
{
    /// <summary>The loop serving the socket.</summary>
    public RtpReceiveLoop Loop { get; } = loop;

    /// <summary>The socket (non-blocking).</summary>
    public Socket Socket { get; } = socket;

    /// <summary>Its descriptor, as registered with epoll.</summary>
    public int Fd { get; } = fd;

    /// <summary>The session the datagrams go to.</summary>
    public RtpSession Session { get; } = session;

    /// <summary>Whether this is the session's RTCP socket.</summary>
    public bool Rtcp { get; } = rtcp;

    /// <summary>The epoll data word: generation in the high half, slot index in the low half.</summary>
    public ulong Token { get; } = token;

    /// <summary>The slot index in the loop's table.</summary>
    public int Slot => (int)(uint)Token;

    /// <summary>Stops serving the socket; call before closing it. Idempotent.</summary>
    public void Unregister() => Loop.Unregister(this);
}
