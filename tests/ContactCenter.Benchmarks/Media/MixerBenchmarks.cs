using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Mixing;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Mixing one 20 ms frame for three participants: a conference (sum minus self) and whisper (general
/// matrix).</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class MixerBenchmarks
{
    private readonly AudioMixer _mixer = new(3, 160);
    private readonly HearingMatrix _conference = HearingMatrix.Conference(3);
    private readonly HearingMatrix _whisper = HearingMatrix.ForSupervision(SupervisorMode.Whisper);

    [GlobalSetup]
    public void Setup()
    {
        for (var p = 0; p < 3; p++)
        {
            var input = _mixer.Input(p);
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = (short)(9000 * Math.Sin(2 * Math.PI * (300 + (p * 200)) * i / 8000));
            }
        }
    }

    [Benchmark(Description = "3-party conference mix, 160 samples")]
    public void Conference() => _mixer.Mix(_conference);

    [Benchmark(Description = "3-party whisper mix, 160 samples")]
    public void Whisper() => _mixer.Mix(_whisper);
}
