using System.Numerics;

namespace ContactCenter.Media.Mixing;

/// <summary>Mixes one frame of linear PCM per participant into one output frame per participant, following a
/// <see cref="HearingMatrix"/>. Sums are computed in 32 bits and saturated to 16 bits once, at the end, so two loud
/// voices clip instead of wrapping around.</summary>
/// <remarks>
/// When a listener hears every active speaker but themselves (a conference), its output is the total of all active
/// speakers minus its own input: one pass for the total plus one subtraction per listener instead of N - 1 additions.
/// Other rows are summed speaker by speaker. Buffers are allocated once; <see cref="Mix"/> allocates nothing.
/// Not thread-safe: one mixing loop per conference.
/// </remarks>
public sealed class AudioMixer
{
    private readonly short[] _inputs;
    private readonly short[] _outputs;
    private readonly int[] _total;
    private readonly int[] _accumulator;

    /// <summary>Creates a mixer for <paramref name="participants"/> participants and frames of
    /// <paramref name="frameSamples"/> samples (160 for 20 ms at 8 kHz).</summary>
    public AudioMixer(int participants, int frameSamples = 160)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(participants, HearingMatrix.MaxParticipants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSamples);
        Participants = participants;
        FrameSamples = frameSamples;
        _inputs = new short[participants * frameSamples];
        _outputs = new short[participants * frameSamples];
        _total = new int[frameSamples];
        _accumulator = new int[frameSamples];
    }

    /// <summary>Number of participants.</summary>
    public int Participants { get; }

    /// <summary>Samples per frame.</summary>
    public int FrameSamples { get; }

    /// <summary>The input frame of <paramref name="participant"/>, to be filled before <see cref="Mix"/>.</summary>
    public Span<short> Input(int participant) => _inputs.AsSpan(Offset(participant), FrameSamples);

    /// <summary>The mixed frame <paramref name="participant"/> hears, valid after <see cref="Mix"/>.</summary>
    public ReadOnlySpan<short> Output(int participant) => _outputs.AsSpan(Offset(participant), FrameSamples);

    /// <summary>Computes every participant's output from the current inputs.</summary>
    /// <exception cref="ArgumentException">The matrix is for a different number of participants.</exception>
    public void Mix(HearingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count != Participants)
        {
            throw new ArgumentException($"Matrix has {matrix.Count} participants, the mixer {Participants}.", nameof(matrix));
        }
        ulong speaking = 0;
        for (var listener = 0; listener < Participants; listener++)
        {
            speaking |= matrix.SpeakersOf(listener);
        }
        var total = _total.AsSpan();
        total.Clear();
        for (var bits = speaking; bits != 0; bits &= bits - 1)
        {
            Accumulate(total, BitOperations.TrailingZeroCount(bits));
        }
        for (var listener = 0; listener < Participants; listener++)
        {
            var hears = matrix.SpeakersOf(listener);
            var output = _outputs.AsSpan(Offset(listener), FrameSamples);
            var self = 1UL << listener;
            if (hears == (speaking & ~self))
            {
                var own = (speaking & self) != 0 ? Input(listener) : default;
                Saturate(total, own, output);
                continue;
            }
            var sum = _accumulator.AsSpan();
            sum.Clear();
            for (var bits = hears; bits != 0; bits &= bits - 1)
            {
                Accumulate(sum, BitOperations.TrailingZeroCount(bits));
            }
            Saturate(sum, default, output);
        }
    }

    private void Accumulate(Span<int> sum, int speaker)
    {
        ReadOnlySpan<short> input = _inputs.AsSpan(Offset(speaker), FrameSamples);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // One Vector<short> widens into two Vector<int> halves.
            var shorts = Vector<short>.Count;
            var ints = Vector<int>.Count;
            for (; i <= input.Length - shorts; i += shorts)
            {
                Vector.Widen(new Vector<short>(input[i..]), out var low, out var high);
                (new Vector<int>(sum[i..]) + low).CopyTo(sum[i..]);
                (new Vector<int>(sum[(i + ints)..]) + high).CopyTo(sum[(i + ints)..]);
            }
        }
        for (; i < input.Length; i++)
        {
            sum[i] += input[i];
        }
    }

    private static void Saturate(ReadOnlySpan<int> sum, ReadOnlySpan<short> minus, Span<short> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var shorts = Vector<short>.Count;
            var ints = Vector<int>.Count;
            var lowest = new Vector<int>(short.MinValue);
            var highest = new Vector<int>(short.MaxValue);
            for (; i <= output.Length - shorts; i += shorts)
            {
                var low = new Vector<int>(sum[i..]);
                var high = new Vector<int>(sum[(i + ints)..]);
                if (!minus.IsEmpty)
                {
                    Vector.Widen(new Vector<short>(minus[i..]), out var ownLow, out var ownHigh);
                    low -= ownLow;
                    high -= ownHigh;
                }
                // Clamp first so that the truncating narrow is exact.
                low = Vector.Min(Vector.Max(low, lowest), highest);
                high = Vector.Min(Vector.Max(high, lowest), highest);
                Vector.Narrow(low, high).CopyTo(output[i..]);
            }
        }
        for (; i < output.Length; i++)
        {
            var value = minus.IsEmpty ? sum[i] : sum[i] - minus[i];
            output[i] = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
        }
    }

    private int Offset(int participant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participant);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(participant, Participants);
        return participant * FrameSamples;
    }
}
