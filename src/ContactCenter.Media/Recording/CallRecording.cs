using System.Text.Json;

namespace ContactCenter.Media.Recording;

/// <summary>The recording of one call: a stereo WAV streamed to disk (caller left, agent right) and, when completed, a
/// JSON sidecar with call id, legs, start and duration (REC-1..3).</summary>
/// <remarks>
/// Pause/resume writes silence for the paused time rather than skipping it: the file stays as long as the call, so
/// offsets in the file line up with the call's journal events and QA notes, while nothing said during the pause is
/// stored. The pauses are also listed in the sidecar. The caller keeps delivering one frame per interval whether paused
/// or not. Not thread-safe: driven by the call's media loop.
/// </remarks>
public sealed class CallRecording : IDisposable
{
    private readonly StereoWavWriter _writer;
    private readonly string _sidecarPath;
    private readonly List<RecordingPause> _pauses = [];
    private readonly List<RecordingLeg> _legs;
    private readonly DateTimeOffset _startedAt;
    private readonly int _sampleRate;
    private long _pausedAtSample = -1;
    private RecordingMetadata? _metadata;

    private CallRecording(string wavPath, string callId, string callerLegId, string agentLegId, TimeProvider time, int sampleRate)
    {
        CallId = callId;
        WavPath = wavPath;
        _sidecarPath = Path.ChangeExtension(wavPath, ".json");
        _legs = [new RecordingLeg("left", callerLegId, "caller"), new RecordingLeg("right", agentLegId, "agent")];
        _startedAt = time.GetUtcNow();
        _sampleRate = sampleRate;
        // Unbuffered: the writer hands over whole 32 KiB blocks.
        var stream = new FileStream(wavPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _writer = new StereoWavWriter(stream, sampleRate);
    }

    /// <summary>The call recorded.</summary>
    public string CallId { get; }

    /// <summary>Full path of the WAV file.</summary>
    public string WavPath { get; }

    /// <summary>Whether recording is paused.</summary>
    public bool IsPaused => _pausedAtSample >= 0;

    /// <summary>Audio in the file so far, pauses included.</summary>
    public TimeSpan Duration => _writer.Duration;

    /// <summary>Starts recording <paramref name="callId"/> into <c>{directory}/{callId}.wav</c>.</summary>
    /// <exception cref="IOException">The file exists already (a call is never recorded twice into one file).</exception>
    public static CallRecording Start(string directory, string callId, string callerLegId, string agentLegId, TimeProvider time, int sampleRate = 8000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(time);
        if (callId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || callId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Call id '{callId}' cannot be used as a file name.", nameof(callId));
        }
        Directory.CreateDirectory(directory);
        return new CallRecording(Path.Combine(directory, callId + ".wav"), callId, callerLegId, agentLegId, time, sampleRate);
    }

    /// <summary>Writes one frame of both sides (silence while paused).</summary>
    public void Write(ReadOnlySpan<short> caller, ReadOnlySpan<short> agent)
    {
        if (IsPaused)
        {
            _writer.WriteSilence(caller.Length);
        }
        else
        {
            _writer.Write(caller, agent);
        }
    }

    /// <summary>Pauses (REC-1): later frames are written as silence until <see cref="Resume"/>. Idempotent.</summary>
    public void Pause()
    {
        if (!IsPaused)
        {
            _pausedAtSample = _writer.SamplesWritten;
        }
    }

    /// <summary>Resumes after <see cref="Pause"/>. Idempotent.</summary>
    public void Resume()
    {
        if (IsPaused)
        {
            ClosePause();
        }
    }

    /// <summary>Finalises the WAV (sizes patched) and writes the sidecar. Idempotent; returns the metadata written.</summary>
    public RecordingMetadata Complete()
    {
        if (_metadata is not null)
        {
            return _metadata;
        }
        if (IsPaused)
        {
            ClosePause();
        }
        _writer.Complete();
        _metadata = new RecordingMetadata(
            CallId,
            Path.GetFileName(WavPath),
            _startedAt,
            _writer.SamplesWritten / (double)_sampleRate,
            _sampleRate,
            _legs,
            _pauses);
        using (var sidecar = new FileStream(_sidecarPath, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            JsonSerializer.Serialize(sidecar, _metadata, RecordingJsonContext.Default.RecordingMetadata);
        }
        return _metadata;
    }

    /// <summary>Completes the recording if needed and closes the file.</summary>
    public void Dispose()
    {
        Complete();
        _writer.Dispose();
    }

    private void ClosePause()
    {
        var samples = _writer.SamplesWritten - _pausedAtSample;
        _pauses.Add(new RecordingPause(_pausedAtSample / (double)_sampleRate, samples / (double)_sampleRate));
        _pausedAtSample = -1;
    }
}
