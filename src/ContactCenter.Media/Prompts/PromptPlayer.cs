using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Prompts;

/// <summary>Plays linear PCM as G.711 frames of 20 ms paced by a <see cref="FramePacer"/> on the injected clock. The
/// last partial frame is padded with silence so packets keep one size. Used once: create a new player per prompt.</summary>
/// <remarks>The send callback receives the encoded frame and its sample count on the pacer's thread, never
/// concurrently.</remarks>
public sealed class PromptPlayer : IDisposable
{
    /// <summary>Most frames sent in one tick when catching up (see <see cref="FramePacer.MaxBurst"/>).</summary>
    public const int MaxBurst = FramePacer.MaxBurst;

    private readonly ReadOnlyMemory<short> _samples;
    private readonly G711Codec _codec;
    private readonly SendFrame _send;
    private readonly int _frameSamples;
    private readonly bool _loop;
    private readonly short[] _pcm;
    private readonly byte[] _encoded;
    private readonly FramePacer _pacer;
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    /// <summary>Sends one encoded frame.</summary>
    /// <param name="payload">G.711 octets, one per sample.</param>
    /// <param name="samples">Samples in the frame.</param>
    public delegate void SendFrame(ReadOnlySpan<byte> payload, int samples);

    /// <summary>Creates a player.</summary>
    /// <param name="samples">8 kHz linear PCM (prompts are decoded once at load; see <see cref="PromptCache"/>).</param>
    /// <param name="codec">The leg's G.711 law.</param>
    /// <param name="time">The clock pacing playout.</param>
    /// <param name="send">Sends each frame, typically on the leg's RTP session.</param>
    /// <param name="loop">Repeat until stopped (music on hold).</param>
    /// <param name="frameSamples">Samples per frame; default 160 (20 ms at 8 kHz).</param>
    /// <param name="scheduler">Shared pacing (the engine's); null for a timer of the player's own.</param>
    public PromptPlayer(ReadOnlyMemory<short> samples, G711Codec codec, TimeProvider time, SendFrame send, bool loop = false, int frameSamples = 160, FrameScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSamples);
        if (loop && samples.IsEmpty)
        {
            throw new ArgumentException("A looping prompt needs samples.", nameof(samples));
        }
        _samples = samples;
        _codec = codec;
        _send = send;
        _loop = loop;
        _frameSamples = frameSamples;
        _pcm = new short[frameSamples];
        _encoded = new byte[frameSamples];
        _pacer = new FramePacer(time, TimeSpan.FromTicks(frameSamples * TimeSpan.TicksPerSecond / 8000), OnFrame, scheduler);
    }

    /// <summary>Completes with true when the prompt played to its end, false when stopped.</summary>
    public Task<bool> Completion => _completion.Task;

    /// <summary>Frames sent so far.</summary>
    public long FramesSent { get; private set; }

    /// <summary>Sends the first frame now and schedules the rest.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start() => _pacer.Start();

    /// <summary>Stops playout; <see cref="Completion"/> becomes false unless already finished.</summary>
    public void Stop() => Finish(playedToEnd: false);

    /// <summary>Stops playout and releases the timer.</summary>
    public void Dispose() => Stop();

    private void OnFrame(long index)
    {
        if (!NextFrame())
        {
            Finish(playedToEnd: true);
            return;
        }
        G711.Encode(_codec, _pcm, _encoded);
        _send(_encoded, _frameSamples);
        FramesSent++;
    }

    private bool NextFrame()
    {
        var filled = 0;
        var samples = _samples.Span;
        while (filled < _frameSamples)
        {
            if (_position == samples.Length)
            {
                if (!_loop)
                {
                    break;
                }
                _position = 0;
            }
            var take = Math.Min(_frameSamples - filled, samples.Length - _position);
            samples.Slice(_position, take).CopyTo(_pcm.AsSpan(filled));
            _position += take;
            filled += take;
        }
        if (filled == 0)
        {
            return false;
        }
        _pcm.AsSpan(filled).Clear();
        return true;
    }

    private void Finish(bool playedToEnd)
    {
        _pacer.Stop();
        _completion.TrySetResult(playedToEnd);
    }
}
