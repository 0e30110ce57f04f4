using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>A receive thread of the generator. In bridge mode it checks each relayed packet against what the generator
/// put in its payload (send time, per-stream index); in listen mode it records prompt packets' arrival times for the
/// pacing figures.</summary>
/// <remarks>Blocking mode (one socket per thread, timestamps exact to the wake-up) suits pacing measurements. Polling
/// mode (several sockets per thread, drained every millisecond) keeps the generator's threads from sleeping on the
/// sockets, so the server's sends do not pay for waking them: across a real network the sender never pays for the
/// receiver's wake-up, and on loopback that cost would otherwise be charged to the server's CPU.</remarks>
public sealed class ReceiveWorker
{
    private readonly Socket[] _sockets;
    private readonly bool _poll;
    private readonly LoadWindow _window;
    private readonly StreamState _streams;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public ReceiveWorker(Socket[] sockets, bool poll, LoadWindow window, StreamState streams)
    {
        if (!poll && sockets.Length != 1)
        {
            throw new ArgumentException("A blocking receive worker serves one socket.", nameof(sockets));
        }
        _sockets = sockets;
        _poll = poll;
        _window = window;
        _streams = streams;
        foreach (var socket in sockets)
        {
            socket.ReceiveTimeout = 200;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "media-load receive" };
    }

    public ReceiveTally Tally { get; } = new();

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        var buffer = new byte[1500];
        var source = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stopping)
        {
            if (!_poll)
            {
                Receive(_sockets[0], buffer, source);
                continue;
            }
            var any = false;
            foreach (var socket in _sockets)
            {
                // FIONREAD: the next datagram's size, zero when none is queued.
                while (socket.Available > 0 && !_stopping)
                {
                    Receive(socket, buffer, source);
                    any = true;
                }
            }
            if (!any)
            {
                Thread.Sleep(1);
            }
        }
    }

    private void Receive(Socket socket, byte[] buffer, SocketAddress source)
    {
        int length;
        try
        {
            length = socket.ReceiveFrom(buffer, SocketFlags.None, source);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        // sockaddr_in: family (2 octets), then the port in network order.
        var port = BinaryPrimitives.ReadUInt16BigEndian(source.Buffer.Span[2..]);
        OnDatagram(buffer.AsSpan(0, length), port, now);
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, int port, long now)
    {
        if (datagram.Length < 12 || datagram[0] >> 6 != 2)
        {
            Tally.Foreign++;
            return;
        }
        var payloadType = datagram[1] & 0x7F;
        if (payloadType is >= 72 and <= 76)
        {
            Tally.Rtcp++;
            return;
        }
        var offset = 12 + ((datagram[0] & 0x0F) * 4);
        if ((datagram[0] & 0x10) != 0 && datagram.Length >= offset + 4)
        {
            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) * 4);
        }
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        var timestamp = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);
        var payload = datagram[offset..];
        if (_streams.Listen)
        {
            if (_window.Contains(now) && _streams.Trace(port) is { } trace)
            {
                trace.Add(LoadWindow.Micros(now - _window.Start), timestamp);
                Tally.Received++;
            }
            return;
        }
        if (payload.Length < 12)
        {
            Tally.Foreign++;
            return;
        }
        var sent = BinaryPrimitives.ReadInt64LittleEndian(payload);
        var index = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]);
        var counted = _window.Contains(sent);
        if (_streams.Observe(port, sequence, index, out var gap, out var late) && counted)
        {
            Tally.SequenceGaps += gap;
            Tally.OutOfOrder += late ? 1 : 0;
        }
        if (counted)
        {
            Tally.Received++;
            Tally.Transit.Add(LoadWindow.Micros(now - sent));
        }
    }
}
