using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Benchmarks.Media;

/// <summary>One push and one pop of a 160-byte packet in steady state, the jitter buffer's work per packet.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class JitterBufferBenchmarks
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private readonly byte[] _payload = new byte[160];
    private readonly byte[] _out = new byte[480];
    private JitterBuffer _buffer = null!;
    private ushort _sequence;
    private TimeSpan _now;

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new JitterBuffer(new JitterBufferOptions());
        for (var i = 0; i < 5; i++)
        {
            PushPop();
        }
    }

    [Benchmark(Description = "jitter buffer push + pop")]
    public int PushPop()
    {
        _buffer.Push(_sequence, _sequence * 160u, _payload, _now);
        _sequence++;
        _now += Frame;
        return _buffer.Pop(_now, _out).Length;
    }
}
