using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>Sends every stream's 20 ms G.711 packet on one thread, all sends of a tick in one batch, ticks on a
/// monotonic grid (Stopwatch) so lateness does not accumulate. Each payload carries the send time and a per-stream
/// index (then μ-law silence) so the receivers can time the relay and see order; loss and reordering can be injected.
/// In listen mode it only sends a few packets per stream so the server's prompt legs latch to the generator.</summary>
public sealed class StreamSender
{
    private const int Samples = 160;
    private const int HeaderLength = 12;
    private static readonly long Tick = Stopwatch.Frequency / 50;

    private readonly Socket[] _sockets;
    private readonly SocketAddress[] _targets;
    private readonly LoadWindow _window;
    private readonly bool _listen;
    private readonly double _loss;
    private readonly double _reorder;
    private readonly Random _random = new(6);
    private readonly ushort[] _sequence;
    private readonly uint[] _index;
    private readonly byte[][] _held;
    private readonly bool[] _holding;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <param name="sockets">The sending socket of each stream.</param>
    /// <param name="targets">The server address of each stream.</param>
    /// <param name="window">Packets stamped inside it are counted.</param>
    /// <param name="listen">Only latch the server's legs (prompt mode).</param>
    /// <param name="loss">Share of packets not sent (their index and sequence number are still used).</param>
    /// <param name="reorder">Share of packets sent after the next one.</param>
    public StreamSender(Socket[] sockets, SocketAddress[] targets, LoadWindow window, bool listen, double loss, double reorder)
    {
        _sockets = sockets;
        _targets = targets;
        _window = window;
        _listen = listen;
        _loss = loss;
        _reorder = reorder;
        _sequence = new ushort[targets.Length];
        _index = new uint[targets.Length];
        _held = new byte[targets.Length][];
        _holding = new bool[targets.Length];
        _thread = new Thread(Run) { IsBackground = true, Name = "media-load send", Priority = ThreadPriority.AboveNormal };
    }

    public long SentInWindow { get; private set; }

    public long Sent { get; private set; }

    public long InjectedLosses { get; private set; }

    public long InjectedReorders { get; private set; }

    /// <summary>Ticks whose batch started more than 5 ms after its grid time (the generator could not keep up).</summary>
    public long LateTicks { get; private set; }

    public long Ticks { get; private set; }

    public MicrosHistogram BatchTime { get; } = new();

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        var packet = new byte[HeaderLength + Samples];
        var next = Stopwatch.GetTimestamp();
        for (long tick = 0; !_stopping; tick++)
        {
            WaitUntil(next);
            var start = Stopwatch.GetTimestamp();
            if (start - next > Tick / 4)
            {
                LateTicks++;
            }
            if (!_listen || tick is 0 or 5 or 10)
            {
                for (var stream = 0; stream < _targets.Length; stream++)
                {
                    SendNext(stream, packet);
                }
            }
            Ticks++;
            BatchTime.Add(LoadWindow.Micros(Stopwatch.GetTimestamp() - start));
            next += Tick;
            var behind = Stopwatch.GetTimestamp() - next;
            if (behind > 5 * Tick)
            {
                // Far behind (the machine stalled): skip ticks rather than bursting them all out.
                next += behind / Tick * Tick;
            }
        }
    }

    private void SendNext(int stream, byte[] packet)
    {
        var sequence = _sequence[stream]++;
        var index = _index[stream]++;
        var now = Stopwatch.GetTimestamp();
        packet[0] = 0x80;
        packet[1] = (byte)(index == 0 ? 0x80 : 0x00); // PCMU, marker on the first packet
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), index * Samples);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x0C0C0000u + (uint)stream);
        BinaryPrimitives.WriteInt64LittleEndian(packet.AsSpan(HeaderLength), now);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(HeaderLength + 8), index);
        packet.AsSpan(HeaderLength + 12).Fill(0xFF);
        if (_loss > 0 && index > 0 && _random.NextDouble() < _loss)
        {
            InjectedLosses++;
            return;
        }
        if (_reorder > 0 && index > 0 && !_holding[stream] && _random.NextDouble() < _reorder)
        {
            // Hold this packet back and send it after the next one.
            _held[stream] ??= new byte[packet.Length];
            packet.CopyTo(_held[stream], 0);
            _holding[stream] = true;
            InjectedReorders++;
            return;
        }
        Send(stream, packet, now);
        if (_holding[stream])
        {
            _holding[stream] = false;
            Send(stream, _held[stream], BinaryPrimitives.ReadInt64LittleEndian(_held[stream].AsSpan(HeaderLength)));
        }
    }

    private void Send(int stream, byte[] packet, long stamped)
    {
        try
        {
            _sockets[stream].SendTo(packet, SocketFlags.None, _targets[stream]);
        }
        catch (SocketException)
        {
            // ICMP unreachable from an earlier send (server gone): the receivers will show the loss.
            return;
        }
        Sent++;
        if (_window.Contains(stamped))
        {
            SentInWindow++;
        }
    }

    private static void WaitUntil(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            // Sleep whole milliseconds; within the last one, send (at most 1 ms early, never spinning a shared core).
            var millis = (int)(remaining * 1000 / Stopwatch.Frequency);
            if (millis == 0)
            {
                return;
            }
            Thread.Sleep(millis);
        }
    }
}
