using ContactCenter.Media.Mixing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Media.Tests.Mixing;

public sealed class AudioMixerTests
{
    private const int C = HearingMatrix.Caller;
    private const int A = HearingMatrix.Agent;
    private const int S = HearingMatrix.Supervisor;

    private static AudioMixer ThreeVoices(short caller = 100, short agent = 20, short supervisor = 3)
    {
        var mixer = new AudioMixer(3, frameSamples: 4);
        mixer.Input(C).Fill(caller);
        mixer.Input(A).Fill(agent);
        mixer.Input(S).Fill(supervisor);
        return mixer;
    }

    [Fact]
    public void Conference_gives_each_participant_the_sum_of_the_others()
    {
        var mixer = ThreeVoices();
        mixer.Mix(HearingMatrix.Conference(3));
        Assert.All(mixer.Output(C).ToArray(), s => Assert.Equal(23, s));
        Assert.All(mixer.Output(A).ToArray(), s => Assert.Equal(103, s));
        Assert.All(mixer.Output(S).ToArray(), s => Assert.Equal(120, s));
    }

    [Theory]
    // Expected outputs (caller, agent, supervisor) with inputs caller 100, agent 20, supervisor 3.
    [InlineData(SupervisorMode.Monitor, 20, 100, 120)]
    [InlineData(SupervisorMode.Whisper, 20, 103, 120)]
    [InlineData(SupervisorMode.Barge, 23, 103, 120)]
    public void Supervisor_modes_follow_their_matrix(SupervisorMode mode, int caller, int agent, int supervisor)
    {
        var mixer = ThreeVoices();
        mixer.Mix(HearingMatrix.ForSupervision(mode));
        Assert.Equal(caller, mixer.Output(C)[0]);
        Assert.Equal(agent, mixer.Output(A)[0]);
        Assert.Equal(supervisor, mixer.Output(S)[0]);
    }

    [Fact]
    public void Supervision_matrices_say_who_hears_whom()
    {
        var monitor = HearingMatrix.ForSupervision(SupervisorMode.Monitor);
        var whisper = HearingMatrix.ForSupervision(SupervisorMode.Whisper);
        var barge = HearingMatrix.ForSupervision(SupervisorMode.Barge);
        Assert.True(monitor.Hears(S, C) && monitor.Hears(S, A) && !monitor.Hears(C, S) && !monitor.Hears(A, S));
        Assert.True(whisper.Hears(A, S) && !whisper.Hears(C, S) && whisper.Hears(C, A));
        Assert.True(barge.Hears(C, S) && barge.Hears(A, S) && barge.Hears(S, C));
        Assert.Equal(2, barge.SpeakerCount(C));
        Assert.Throws<ArgumentException>(() => barge.Set(C, C, true));
    }

    [Fact]
    public void Sums_saturate_instead_of_wrapping()
    {
        var mixer = ThreeVoices(caller: 30000, agent: 30000, supervisor: -30000);
        mixer.Mix(HearingMatrix.Conference(3));
        Assert.Equal(0, mixer.Output(C)[0]);
        Assert.Equal(short.MaxValue, HearOnly(30000, 30000));
        Assert.Equal(short.MinValue, HearOnly(-30000, -30000));
    }

    private static short HearOnly(short a, short b)
    {
        var mixer = new AudioMixer(3, 1);
        mixer.Input(0)[0] = a;
        mixer.Input(1)[0] = b;
        mixer.Mix(HearingMatrix.Conference(3));
        return mixer.Output(2)[0];
    }

    [Fact]
    public void Rejects_a_matrix_of_another_size()
    {
        Assert.Throws<ArgumentException>(() => new AudioMixer(3).Mix(HearingMatrix.Conference(4)));
    }

    [Fact]
    public void Any_matrix_mixes_like_the_definition()
    {
        var gen =
            from n in Gen.Choose(1, 8)
            from bits in Gen.ArrayOf(Gen.Choose(0, 255), n)
            from samples in Gen.ArrayOf(Gen.Choose(short.MinValue, short.MaxValue), n)
            select (n, bits, samples);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var matrix = new HearingMatrix(c.n);
            // 37 samples: whole vectors plus a scalar tail.
            var mixer = new AudioMixer(c.n, 37);
            for (var listener = 0; listener < c.n; listener++)
            {
                mixer.Input(listener).Fill((short)c.samples[listener]);
                for (var speaker = 0; speaker < c.n; speaker++)
                {
                    if (speaker != listener && (c.bits[listener] & (1 << speaker)) != 0)
                    {
                        matrix.Set(listener, speaker, true);
                    }
                }
            }
            mixer.Mix(matrix);
            for (var listener = 0; listener < c.n; listener++)
            {
                var expected = 0;
                for (var speaker = 0; speaker < c.n; speaker++)
                {
                    if (matrix.Hears(listener, speaker))
                    {
                        expected += c.samples[speaker];
                    }
                }
                var output = mixer.Output(listener);
                if (output[1] != Math.Clamp(expected, short.MinValue, short.MaxValue) || output[36] != output[1])
                {
                    return false;
                }
            }
            return true;
        }));
    }
}
