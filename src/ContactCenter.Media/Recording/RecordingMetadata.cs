namespace ContactCenter.Media.Recording;

/// <summary>The JSON sidecar written next to a call recording.</summary>
/// <param name="CallId">The call the recording belongs to.</param>
/// <param name="File">File name of the WAV, relative to the sidecar.</param>
/// <param name="StartedAt">When recording started (from the injected clock).</param>
/// <param name="DurationSeconds">Length of the audio in the file, pauses included.</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="Legs">Which leg is on which channel.</param>
/// <param name="Pauses">Paused stretches, in order.</param>
public sealed record RecordingMetadata(
    string CallId,
    string File,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    int SampleRate,
    IReadOnlyList<RecordingLeg> Legs,
    IReadOnlyList<RecordingPause> Pauses);
