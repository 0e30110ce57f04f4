namespace ContactCenter.Interop.Tests.Audio;

/// <summary>Tells which test tones a stretch of audio carries: each party of a call plays its own sine, and what a leg
/// hears is cut into 20 ms frames whose level at each party's frequency is measured with the Goertzel algorithm (one DFT
/// bin). Frequencies that are multiples of 50 Hz fit a whole number of cycles into a 160-sample frame at 8 kHz, so two
/// such tones do not leak into each other's bin and a mix of them shows each at its own level.</summary>
internal static class ToneAnalysis
{
    /// <summary>Samples per second of narrowband telephone audio.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples in a 20 ms frame at 8 kHz.</summary>
    public const int FrameSamples = 160;

    /// <summary>A sine of <paramref name="frequency"/> Hz at <paramref name="amplitude"/> (peak), one second long when
    /// <paramref name="samples"/> is 8000: a whole number of cycles for whole-Hz frequencies, so it loops without a
    /// click.</summary>
    public static short[] Tone(double frequency, int samples, short amplitude) =>
        [.. Enumerable.Range(0, samples).Select(i => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / SampleRate)))];

    /// <summary>The amplitude (peak) of the <paramref name="frequency"/> component of one frame, from the Goertzel
    /// recurrence: a pure sine of amplitude A at that frequency gives A.</summary>
    public static double Amplitude(ReadOnlySpan<short> frame, double frequency)
    {
        if (frame.IsEmpty)
        {
            return 0;
        }
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / SampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in frame)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / frame.Length;
    }

    /// <summary>The <paramref name="frequency"/> amplitude of each whole 20 ms frame of <paramref name="samples"/>.</summary>
    public static double[] FrameAmplitudes(ReadOnlySpan<short> samples, double frequency)
    {
        var levels = new double[samples.Length / FrameSamples];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = Amplitude(samples.Slice(i * FrameSamples, FrameSamples), frequency);
        }
        return levels;
    }

    /// <summary>The typical level of <paramref name="frequency"/>: the median of the frames' amplitudes, so a few frames
    /// spoilt by a lost or late packet do not count; 0 for less than a frame.</summary>
    public static double Level(ReadOnlySpan<short> samples, double frequency)
    {
        var levels = FrameAmplitudes(samples, frequency);
        if (levels.Length == 0)
        {
            return 0;
        }
        Array.Sort(levels);
        return levels.Length % 2 == 1 ? levels[levels.Length / 2] : (levels[(levels.Length / 2) - 1] + levels[levels.Length / 2]) / 2;
    }

    /// <summary>How long <paramref name="frequency"/> is heard: the frames whose amplitude at it reaches
    /// <paramref name="threshold"/>, 20 ms each (not necessarily in one piece).</summary>
    public static TimeSpan Duration(ReadOnlySpan<short> samples, double frequency, double threshold) =>
        TimeSpan.FromMilliseconds(20 * FrameAmplitudes(samples, frequency).Count(level => level >= threshold));
}
