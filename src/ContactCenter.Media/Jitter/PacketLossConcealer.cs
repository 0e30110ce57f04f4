namespace ContactCenter.Media.Jitter;

/// <summary>Packet-loss concealment by repetition (the simplest scheme G.711 Appendix I builds on): a lost frame is
/// replaced by the last good one, at full level for a few frames, then fading linearly to silence so a long gap does not
/// buzz. The gain ramps within each frame, so there is no step at frame boundaries.</summary>
/// <remarks>Works on linear PCM; not thread-safe.</remarks>
public sealed class PacketLossConcealer
{
    private readonly short[] _last;
    private readonly int _fullRepeats;
    private readonly int _fadeFrames;
    private int _lastLength;
    private int _repeats;

    /// <summary>Creates a concealer for frames of up to <paramref name="maxFrameSamples"/> samples.</summary>
    /// <param name="maxFrameSamples">Largest frame, in samples.</param>
    /// <param name="fullRepeats">Lost frames repeated at full level.</param>
    /// <param name="fadeFrames">Further lost frames over which the level fades to zero.</param>
    public PacketLossConcealer(int maxFrameSamples, int fullRepeats = 2, int fadeFrames = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSamples);
        ArgumentOutOfRangeException.ThrowIfNegative(fullRepeats);
        ArgumentOutOfRangeException.ThrowIfNegative(fadeFrames);
        _last = new short[maxFrameSamples];
        _fullRepeats = fullRepeats;
        _fadeFrames = fadeFrames;
    }

    /// <summary>Consecutive frames concealed since the last good frame.</summary>
    public int ConsecutiveConcealed => _repeats;

    /// <summary>Records a good frame as the source of later concealment.</summary>
    public void Remember(ReadOnlySpan<short> frame)
    {
        var length = Math.Min(frame.Length, _last.Length);
        frame[..length].CopyTo(_last);
        _lastLength = length;
        _repeats = 0;
    }

    /// <summary>Fills <paramref name="destination"/> with the concealment of the next lost frame.</summary>
    public void Conceal(Span<short> destination)
    {
        _repeats++;
        // Gains in Q15 at the start and end of this frame.
        var startGain = Gain(_repeats - 1);
        var endGain = Gain(_repeats);
        if (_lastLength == 0 || startGain == 0)
        {
            destination.Clear();
            return;
        }
        for (var i = 0; i < destination.Length; i++)
        {
            var gain = startGain + ((endGain - startGain) * i / destination.Length);
            destination[i] = (short)((_last[i % _lastLength] * gain) >> 15);
        }
    }

    private int Gain(int repeatsBefore)
    {
        // repeatsBefore counts the frames already concealed when this edge is reached.
        const int unity = 1 << 15;
        if (repeatsBefore <= _fullRepeats)
        {
            return unity;
        }
        var faded = repeatsBefore - _fullRepeats;
        return faded >= _fadeFrames ? 0 : unity * (_fadeFrames - faded) / _fadeFrames;
    }
}
