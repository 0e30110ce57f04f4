namespace ContactCenter.Interop.Tests.Audio;

/// <summary>The tone analyser on synthetic signals: what the audio checks of the interop tests rely on.</summary>
public sealed class ToneAnalysisTests
{
    private const short Amplitude = 8000;

    [Theory]
    [InlineData(700)]
    [InlineData(1100)]
    [InlineData(1700)]
    public void A_tone_is_measured_at_the_amplitude_it_was_played_at(double frequency)
    {
        var tone = ToneAnalysis.Tone(frequency, 8000, Amplitude);

        Assert.InRange(ToneAnalysis.Level(tone, frequency), Amplitude * 0.99, Amplitude * 1.01);
    }

    [Fact]
    public void A_tone_that_is_not_played_measures_next_to_nothing()
    {
        var tone = ToneAnalysis.Tone(700, 8000, Amplitude);

        Assert.True(ToneAnalysis.Level(tone, 1100) < 1, $"1100 Hz at {ToneAnalysis.Level(tone, 1100)}");
        Assert.True(ToneAnalysis.Level(new short[8000], 700) < 1);
    }

    [Fact]
    public void A_mix_shows_each_of_its_tones_and_not_the_others()
    {
        var a = ToneAnalysis.Tone(700, 8000, Amplitude);
        var b = ToneAnalysis.Tone(1100, 8000, Amplitude / 2);
        var mix = a.Zip(b, (x, y) => (short)(x + y)).ToArray();

        Assert.InRange(ToneAnalysis.Level(mix, 700), Amplitude * 0.99, Amplitude * 1.01);
        Assert.InRange(ToneAnalysis.Level(mix, 1100), Amplitude * 0.49, Amplitude * 0.51);
        Assert.True(ToneAnalysis.Level(mix, 1700) < 1);
        ToneAssert.Hears("the mix", mix, Amplitude / 2, [new Party("a", 700), new Party("b", 1100)], [new Party("c", 1700)]);
    }

    [Fact]
    public void The_level_is_the_typical_frame_so_a_few_spoilt_frames_do_not_count()
    {
        var tone = ToneAnalysis.Tone(700, 8000, Amplitude);
        // Five of fifty frames lost (silence) and one cut in the middle (a packet out of order).
        tone.AsSpan(1600, 800).Clear();
        ToneAnalysis.Tone(1100, 80, Amplitude).CopyTo(tone.AsSpan(4000 + 40));

        Assert.InRange(ToneAnalysis.Level(tone, 700), Amplitude * 0.99, Amplitude * 1.01);
        Assert.True(ToneAnalysis.Level(tone, 1100) < Amplitude * ToneAssert.AbsentShare);
    }

    [Fact]
    public void The_duration_counts_the_frames_that_carry_the_tone()
    {
        var samples = new short[16000];
        ToneAnalysis.Tone(700, 4000, Amplitude).CopyTo(samples.AsSpan(8000));

        Assert.Equal(TimeSpan.FromMilliseconds(500), ToneAnalysis.Duration(samples, 700, Amplitude * ToneAssert.PresentShare));
        Assert.Equal(TimeSpan.Zero, ToneAnalysis.Duration(samples, 1100, Amplitude * ToneAssert.PresentShare));
    }

    [Fact]
    public void Less_than_a_frame_has_no_level()
    {
        Assert.Equal(0, ToneAnalysis.Level(ToneAnalysis.Tone(700, 100, Amplitude), 700));
    }

    [Fact]
    public void Hearing_a_tone_that_is_absent_fails_and_names_the_levels()
    {
        var tone = ToneAnalysis.Tone(700, 8000, Amplitude);

        var failure = Assert.ThrowsAny<Exception>(() => ToneAssert.Hears("the agent", tone, Amplitude, [new Party("the supervisor", 1700)], []));
        Assert.Contains("the supervisor (1700 Hz) at 0", failure.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => ToneAssert.Hears("the caller", tone, Amplitude, [], [new Party("the caller", 700)]));
    }
}
