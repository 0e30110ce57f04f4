using ContactCenter.Media.Jitter;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Bridging;

/// <summary>Connects a caller leg and an agent leg: each side's audio is relayed to the other (transcoded when their
/// laws differ), and while recording, both directions also go through jitter buffers that a 20 ms pacer drains into a
/// stereo <see cref="CallRecording"/> (caller left, agent right), with concealment for lost packets so both channels
/// stay aligned in time. Disposing unbridges.</summary>
public sealed class MediaBridge : IMediaSink, IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly TimeProvider _time;
    private readonly JitterBufferOptions _jitter;
    private readonly FrameScheduler? _scheduler;
    private readonly Lock _lock = new();
    private AudioPlayoutBuffer? _callerAudio;
    private AudioPlayoutBuffer? _agentAudio;
    private short[] _callerFrame = [];
    private short[] _agentFrame = [];
    private CallRecording? _recording;
    private FramePacer? _pacer;

    internal MediaBridge(MediaLeg caller, MediaLeg agent, TimeProvider time, JitterBufferOptions jitter, FrameScheduler? scheduler = null)
    {
        if (caller == agent)
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(agent));
        }
        Caller = caller;
        Agent = agent;
        _time = time;
        _jitter = jitter;
        _scheduler = scheduler;
        caller.Attach(this);
        try
        {
            agent.Attach(this);
        }
        catch
        {
            caller.Detach(this);
            throw;
        }
    }

    /// <summary>The caller leg (left channel of recordings).</summary>
    public MediaLeg Caller { get; }

    /// <summary>The agent leg (right channel of recordings).</summary>
    public MediaLeg Agent { get; }

    /// <summary>The recording in progress, if any.</summary>
    public CallRecording? Recording => Volatile.Read(ref _recording);

    /// <summary>Starts (or, after supervision, resumes) feeding <paramref name="recording"/> every 20 ms.</summary>
    /// <exception cref="InvalidOperationException">Already recording.</exception>
    public void StartRecording(CallRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        FramePacer pacer;
        lock (_lock)
        {
            if (_recording is not null)
            {
                throw new InvalidOperationException("The bridge is already recording.");
            }
            _callerAudio = new AudioPlayoutBuffer(Caller.Codec, _jitter);
            _agentAudio = new AudioPlayoutBuffer(Agent.Codec, _jitter);
            _callerFrame = new short[_callerAudio.FrameSamples];
            _agentFrame = new short[_agentAudio.FrameSamples];
            _recording = recording;
            _pacer = pacer = new FramePacer(_time, Frame, _ => WriteFrame(), _scheduler);
        }
        pacer.Start();
    }

    /// <summary>Stops recording and finalises the file and its sidecar; null when not recording.</summary>
    public RecordingMetadata? StopRecording()
    {
        var recording = DetachRecording();
        if (recording is null)
        {
            return null;
        }
        var metadata = recording.Complete();
        recording.Dispose();
        return metadata;
    }

    /// <summary>Stops feeding the recording without finalising it, so that a <see cref="Mixing.Conference"/> (supervision)
    /// can continue the same file; null when not recording.</summary>
    public CallRecording? DetachRecording()
    {
        FramePacer? pacer;
        CallRecording? recording;
        lock (_lock)
        {
            pacer = _pacer;
            recording = _recording;
            _recording = null;
            _pacer = null;
            _callerAudio = null;
            _agentAudio = null;
        }
        // Outside our lock: a tick holds the pacer's lock while WriteFrame takes ours, so stopping the pacer under our
        // lock deadlocks against a tick in progress (seen under load: every thread-pool thread blocked). A tick that
        // runs meanwhile finds no recording; once Stop returns, none is running.
        pacer?.Stop();
        return recording;
    }

    /// <summary>Unbridges (the legs stay up) and finalises any recording.</summary>
    public void Dispose()
    {
        Caller.Detach(this);
        Agent.Detach(this);
        StopRecording();
    }

    void IMediaSink.OnAudio(MediaLeg leg, RtpPacket packet, TimeSpan arrival)
    {
        var toCaller = leg == Agent;
        (toCaller ? Caller : Agent).Relay(packet, leg.Codec);
        lock (_lock)
        {
            var buffer = toCaller ? _agentAudio : _callerAudio;
            buffer?.Push(packet.Header.SequenceNumber, packet.Header.Timestamp, packet.Payload, arrival);
        }
    }

    private void WriteFrame()
    {
        lock (_lock)
        {
            if (_recording is null || _callerAudio is null || _agentAudio is null)
            {
                return;
            }
            var now = MediaClock.Now(_time);
            _callerAudio.Pop(now, _callerFrame);
            _agentAudio.Pop(now, _agentFrame);
            _recording.Write(_callerFrame, _agentFrame);
        }
    }
}
