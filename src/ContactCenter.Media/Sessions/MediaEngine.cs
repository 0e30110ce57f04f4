using System.Collections.Concurrent;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Timing;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Sessions;

/// <summary>The media-session API the SIP front end drives: create legs, then play, stop, collect and send digits on
/// them, bridge and unbridge, record, mix (conference, monitor, whisper, barge) and release. Events come back on the
/// legs (<see cref="MediaLeg.DigitReceived"/>, <see cref="MediaLeg.PlayoutFinished"/>, <see cref="MediaLeg.Inactive"/>).
/// Knows nothing of SIP: addresses and codecs come from the front end's SDP handling. Thread-safe.</summary>
/// <remarks>The engine's legs share a few receive threads (<see cref="RtpReceiver"/>, on Linux) and one
/// <see cref="FrameScheduler"/> that paces every prompt, DTMF sender, recording and mixer, so the number of threads and
/// timers does not grow with the number of calls.</remarks>
public sealed class MediaEngine : IAsyncDisposable
{
    private readonly MediaEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpPortAllocator _ports;
    private readonly RtpReceiver? _receiver;
    private readonly FrameScheduler _scheduler;
    private readonly ConcurrentDictionary<string, MediaLeg> _legs = new(StringComparer.Ordinal);

    /// <summary>Creates an engine; the options are validated.</summary>
    public MediaEngine(MediaEngineOptions options, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ContactCenter.Media");
        _ports = new RtpPortAllocator(options.Transport);
        _receiver = options.Transport.SharedReceive && RtpReceiver.IsSupported
            ? new RtpReceiver(options.Transport.ReceiveThreads, _logger, options.ThreadNice, options.Transport.ReceiveBatchDelay)
            : null;
        _scheduler = new FrameScheduler(time, options.PacingLanes, threadNice: options.ThreadNice);
    }

    /// <summary>Legs currently open.</summary>
    public int LegCount => _legs.Count;

    /// <summary>The shared receive threads; null where sessions have loops of their own.</summary>
    internal RtpReceiver? Receiver => _receiver;

    /// <summary>The pacing of the engine's prompts, DTMF, recordings and mixers.</summary>
    internal FrameScheduler Scheduler => _scheduler;

    /// <summary>Opens a leg on a fresh port pair.</summary>
    /// <param name="legId">Unique id chosen by the front end.</param>
    /// <param name="codec">The negotiated law.</param>
    /// <param name="telephoneEventPayloadType">telephone-event payload type from SDP; the configured default if null.</param>
    /// <exception cref="InvalidOperationException">The id is in use, or no port pair is free.</exception>
    public MediaLeg CreateLeg(string legId, G711Codec codec, byte? telephoneEventPayloadType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legId);
        var sockets = _ports.Allocate();
        var leg = new MediaLeg(legId, codec, telephoneEventPayloadType ?? _options.TelephoneEventPayloadType, sockets, _options, _time, _logger, _receiver, _scheduler);
        if (!_legs.TryAdd(legId, leg))
        {
            _ = leg.DisposeAsync().AsTask();
            throw new InvalidOperationException($"Leg {legId} already exists.");
        }
        return leg;
    }

    /// <summary>The open leg with this id.</summary>
    public bool TryGetLeg(string legId, out MediaLeg leg) => _legs.TryGetValue(legId, out leg!);

    /// <summary>Bridges two legs (dispose the bridge to unbridge).</summary>
    /// <exception cref="InvalidOperationException">A leg is already bridged or mixed.</exception>
    public MediaBridge Bridge(MediaLeg caller, MediaLeg agent) => new(caller, agent, _time, _options.Jitter, _scheduler);

    /// <summary>Starts recording a bridged call to <c>{RecordingDirectory}/{callId}.wav</c> with its sidecar.</summary>
    public CallRecording Record(MediaBridge bridge, string callId)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var recording = CallRecording.Start(_options.RecordingDirectory, callId, bridge.Caller.Id, bridge.Agent.Id, _time);
        try
        {
            bridge.StartRecording(recording);
        }
        catch
        {
            recording.Dispose();
            throw;
        }
        return recording;
    }

    /// <summary>Records what <paramref name="leg"/> receives into an 8 kHz mono WAV file at <paramref name="path"/> (its
    /// folder is created), at most <paramref name="maxDuration"/> of it; complete or dispose the recorder to end it.</summary>
    /// <exception cref="IOException">The file exists already.</exception>
    /// <exception cref="InvalidOperationException">The leg is bridged or mixed.</exception>
    public VoicemailRecorder RecordVoicemail(MediaLeg leg, string path, TimeSpan maxDuration)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
        return new VoicemailRecorder(leg, path, maxDuration);
    }

    /// <summary>Mixes legs by a matrix (dispose the conference to end it).</summary>
    public Conference Mix(IReadOnlyList<MediaLeg> legs, HearingMatrix matrix) => new(legs, matrix, _time, _options.Jitter, _scheduler);

    /// <summary>Supervision of a call: the legs in <see cref="HearingMatrix"/> order (caller, agent, supervisor).
    /// Unbridge caller and agent first; switch modes with <see cref="Conference.SetMatrix"/>.</summary>
    public Conference Supervise(MediaLeg caller, MediaLeg agent, MediaLeg supervisor, SupervisorMode mode) =>
        Mix([caller, agent, supervisor], HearingMatrix.ForSupervision(mode));

    /// <summary>Starts supervising a bridged call: unbridges it, mixes caller, agent and supervisor by
    /// <paramref name="mode"/>, and moves a running recording over so the call's file continues.</summary>
    public Conference StartSupervision(MediaBridge bridge, MediaLeg supervisor, SupervisorMode mode)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var recording = bridge.DetachRecording();
        bridge.Dispose();
        var conference = Supervise(bridge.Caller, bridge.Agent, supervisor, mode);
        if (recording is not null)
        {
            conference.AttachRecording(recording);
        }
        return conference;
    }

    /// <summary>Ends supervision: the supervisor leaves (its leg stays up), caller and agent are bridged again and a
    /// running recording moves back to the bridge.</summary>
    public MediaBridge EndSupervision(Conference conference)
    {
        ArgumentNullException.ThrowIfNull(conference);
        var recording = conference.DetachRecording();
        conference.Dispose();
        var bridge = Bridge(conference.Legs[HearingMatrix.Caller], conference.Legs[HearingMatrix.Agent]);
        if (recording is not null)
        {
            bridge.StartRecording(recording);
        }
        return bridge;
    }

    /// <summary>Closes a leg and frees its ports. Unknown ids are ignored (release is idempotent).</summary>
    public async ValueTask ReleaseAsync(string legId)
    {
        if (_legs.TryRemove(legId, out var leg))
        {
            await leg.DisposeAsync();
        }
    }

    /// <summary>Releases every leg, then stops the receive threads and the pacing.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _legs.Keys.ToList())
        {
            await ReleaseAsync(id);
        }
        _receiver?.Dispose();
        _scheduler.Dispose();
    }
}
