using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Transport;

/// <summary>A plain UDP socket on loopback standing in for a phone. Receives block with a timeout (a condition wait,
/// not a sleep) and name what was awaited when they fail.</summary>
internal sealed class LoopbackPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _buffer = new byte[2048];

    public LoopbackPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 5000;
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Send(IPEndPoint to, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var length = RtpPacketWriter.Write(_buffer, header, payload);
        _socket.SendTo(_buffer.AsSpan(0, length), to);
    }

    public (RtpHeader Header, byte[] Payload) Receive(string what)
    {
        int length;
        try
        {
            length = _socket.Receive(_buffer);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
        {
            throw new TimeoutException($"{EndPoint}: no RTP within 5 s while waiting for {what}", ex);
        }
        Assert.True(RtpPacket.TryParse(_buffer.AsSpan(0, length), out var packet, out var error), $"{what}: {error}");
        return (packet.Header, packet.Payload.ToArray());
    }

    public bool HasPending => _socket.Available > 0;

    /// <summary>Reads every datagram already queued and returns the last one (or null).</summary>
    public (RtpHeader Header, byte[] Payload)? DrainLast()
    {
        (RtpHeader, byte[])? last = null;
        while (_socket.Available > 0)
        {
            last = Receive("a queued packet");
        }
        return last;
    }

    public void Dispose() => _socket.Dispose();
}
