using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Benchmarks.Media;

/// <summary>G.711 on one 20 ms frame (160 samples at 8 kHz), the unit of work per packet.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class G711Benchmarks
{
    private readonly short[] _pcm = new short[160];
    private readonly byte[] _mulaw = new byte[160];
    private readonly byte[] _alaw = new byte[160];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(12000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }
        MuLaw.Encode(_pcm, _mulaw);
    }

    [Benchmark(Description = "μ-law encode 160 samples")]
    public void MuLawEncode() => MuLaw.Encode(_pcm, _mulaw);

    [Benchmark(Description = "μ-law decode 160 samples")]
    public void MuLawDecode() => MuLaw.Decode(_mulaw, _pcm);

    [Benchmark(Description = "A-law encode 160 samples")]
    public void ALawEncode() => ALaw.Encode(_pcm, _alaw);

    [Benchmark(Description = "μ-law to A-law 160 samples")]
    public void Transcode() => G711Transcoder.MuLawToALaw(_mulaw, _alaw);
}
