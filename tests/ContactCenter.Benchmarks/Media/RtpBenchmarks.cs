using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Parsing and writing one 172-byte G.711 RTP packet, and the relay step of a bridge (parse, renumber through
/// the outbound stream, write) without the socket calls.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class RtpBenchmarks
{
    private readonly byte[] _payload = new byte[160];
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _relayed = new byte[172];
    private readonly RtpOutboundStream _outbound = new(0x5678, 0, 8000, 0, 0);
    private ushort _sequence;

    [GlobalSetup]
    public void Setup() => RtpPacketWriter.Write(_packet, new RtpHeader(0, 1, 160, 0x1234), _payload);

    [Benchmark(Description = "RTP parse 172 bytes")]
    public int Parse() => RtpPacket.TryParse(_packet, out var packet, out _) ? packet.Payload.Length : -1;

    [Benchmark(Description = "RTP relay: parse + renumber + write")]
    public int Relay()
    {
        if (!RtpPacket.TryParse(_packet, out var packet, out _))
        {
            return -1;
        }
        var header = _outbound.NextRelayed(packet.Header, packet.Payload.Length, packet.Payload.Length, TimeSpan.Zero);
        return RtpPacketWriter.Write(_relayed, header, packet.Payload);
    }

    [Benchmark(Description = "RTP write 172 bytes")]
    public int Write()
    {
        _sequence++;
        return RtpPacketWriter.Write(_packet, new RtpHeader(0, _sequence, _sequence * 160u, 0x1234), _payload);
    }
}
