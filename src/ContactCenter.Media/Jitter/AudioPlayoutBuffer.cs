using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Jitter;

/// <summary>The receive side of a G.711 leg as one piece: a <see cref="JitterBuffer"/> of packets, decoding to linear
/// PCM, and <see cref="PacketLossConcealer"/> for lost frames and underruns, so every interval yields a full frame of
/// samples for the mixer or the recorder.</summary>
/// <remarks>Not thread-safe; allocation-free after construction.</remarks>
public sealed class AudioPlayoutBuffer
{
    private readonly JitterBuffer _buffer;
    private readonly PacketLossConcealer _concealer;
    private readonly byte[] _scratch;
    private readonly int _frameSamples;

    /// <summary>Creates a playout buffer for <paramref name="codec"/> with the given jitter-buffer settings.</summary>
    public AudioPlayoutBuffer(G711Codec codec, JitterBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buffer = new JitterBuffer(options);
        Codec = codec;
        _frameSamples = (int)(options.FrameDuration.Ticks * options.ClockRate / TimeSpan.TicksPerSecond);
        _concealer = new PacketLossConcealer(options.MaxPayloadSize, options.ConcealmentFullRepeats, options.ConcealmentFadeFrames);
        _scratch = new byte[options.MaxPayloadSize];
    }

    /// <summary>The payload's G.711 law.</summary>
    public G711Codec Codec { get; }

    /// <summary>Samples per frame (160 for 20 ms at 8 kHz).</summary>
    public int FrameSamples => _frameSamples;

    /// <summary>The underlying jitter buffer, for its statistics.</summary>
    public JitterBuffer Jitter => _buffer;

    /// <summary>Adds a received packet (see <see cref="JitterBuffer.Push"/>).</summary>
    public JitterPushResult Push(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, TimeSpan arrival) =>
        _buffer.Push(sequence, timestamp, payload, arrival);

    /// <summary>Produces the frame for this interval into <paramref name="pcm"/> (<see cref="FrameSamples"/> samples):
    /// decoded audio, a concealment, or silence while buffering.</summary>
    /// <returns>The jitter buffer's status for the interval.</returns>
    public JitterFrameStatus Pop(TimeSpan now, Span<short> pcm)
    {
        var frame = pcm[.._frameSamples];
        var result = _buffer.Pop(now, _scratch);
        switch (result.Status)
        {
            case JitterFrameStatus.Frame:
                var samples = Math.Min(result.Length, _frameSamples);
                G711.Decode(Codec, _scratch.AsSpan(0, samples), frame);
                frame[samples..].Clear();
                _concealer.Remember(frame);
                break;
            case JitterFrameStatus.Lost:
            case JitterFrameStatus.Underrun:
                _concealer.Conceal(frame);
                break;
            default:
                frame.Clear();
                break;
        }
        return result.Status;
    }
}
