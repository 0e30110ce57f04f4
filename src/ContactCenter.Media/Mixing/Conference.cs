using ContactCenter.Media.Jitter;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Mixing;

/// <summary>Mixes a set of legs every 20 ms by a <see cref="HearingMatrix"/>: each leg's received audio goes through
/// its own jitter buffer (with concealment), the <see cref="AudioMixer"/> sums what each listener hears, and each
/// result is encoded with the listener's law and sent on its leg. Used for N-party conferences and for supervisor
/// monitor, whisper and barge (switch modes with <see cref="SetMatrix"/>). Disposing releases the legs (they stay
/// up).</summary>
public sealed class Conference : IMediaSink, IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly IReadOnlyList<MediaLeg> _legs;
    private readonly AudioPlayoutBuffer[] _buffers;
    private readonly AudioMixer _mixer;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly FramePacer _pacer;
    private HearingMatrix _matrix;
    private CallRecording? _recording;
    private readonly int _attached;

    internal Conference(IReadOnlyList<MediaLeg> legs, HearingMatrix matrix, TimeProvider time, JitterBufferOptions jitter, FrameScheduler? scheduler = null)
    {
        if (legs.Count != matrix.Count || legs.Distinct().Count() != legs.Count)
        {
            throw new ArgumentException("A conference needs distinct legs, as many as the matrix has participants.", nameof(legs));
        }
        _legs = legs;
        _matrix = matrix;
        _time = time;
        _buffers = legs.Select(l => new AudioPlayoutBuffer(l.Codec, jitter)).ToArray();
        _mixer = new AudioMixer(legs.Count, _buffers[0].FrameSamples);
        try
        {
            foreach (var leg in legs)
            {
                leg.Attach(this);
                _attached++;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        _pacer = new FramePacer(time, Frame, _ => MixFrame(), scheduler);
        _pacer.Start();
    }

    /// <summary>The legs, in matrix order.</summary>
    public IReadOnlyList<MediaLeg> Legs => _legs;

    /// <summary>Changes who hears whom from the next frame on (e.g. monitor to whisper).</summary>
    public void SetMatrix(HearingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count != _legs.Count)
        {
            throw new ArgumentException($"Matrix has {matrix.Count} participants, the conference {_legs.Count}.", nameof(matrix));
        }
        lock (_lock)
        {
            _matrix = matrix;
        }
    }

    /// <summary>Continues a call recording from here: participant 0 (the caller) on the left, participant 1 (the
    /// agent) on the right, as heard at the mixer's input; a supervisor is not recorded. Typically the recording a
    /// <see cref="Bridging.MediaBridge.DetachRecording"/> handed over, so the file covers the whole call.</summary>
    /// <exception cref="InvalidOperationException">Already recording, or fewer than two legs.</exception>
    public void AttachRecording(CallRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        lock (_lock)
        {
            if (_recording is not null || _legs.Count < 2)
            {
                throw new InvalidOperationException("The conference is already recording or has fewer than two legs.");
            }
            _recording = recording;
        }
    }

    /// <summary>Stops feeding the recording and returns it, not finalised (to hand back to a bridge or complete).</summary>
    public CallRecording? DetachRecording()
    {
        lock (_lock)
        {
            var recording = _recording;
            _recording = null;
            return recording;
        }
    }

    /// <summary>Stops mixing and detaches the legs. An attached recording is left as it is: detach it first.</summary>
    public void Dispose()
    {
        _pacer?.Stop();
        for (var i = 0; i < _attached; i++)
        {
            _legs[i].Detach(this);
        }
    }

    void IMediaSink.OnAudio(MediaLeg leg, RtpPacket packet, TimeSpan arrival)
    {
        lock (_lock)
        {
            for (var i = 0; i < _legs.Count; i++)
            {
                if (_legs[i] == leg)
                {
                    _buffers[i].Push(packet.Header.SequenceNumber, packet.Header.Timestamp, packet.Payload, arrival);
                    return;
                }
            }
        }
    }

    private void MixFrame()
    {
        lock (_lock)
        {
            var now = MediaClock.Now(_time);
            for (var i = 0; i < _legs.Count; i++)
            {
                _buffers[i].Pop(now, _mixer.Input(i));
            }
            _recording?.Write(_mixer.Input(0), _mixer.Input(1));
            _mixer.Mix(_matrix);
            for (var i = 0; i < _legs.Count; i++)
            {
                _legs[i].SendPcm(_mixer.Output(i));
            }
        }
    }
}
