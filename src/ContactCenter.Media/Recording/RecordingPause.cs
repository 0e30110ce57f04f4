namespace ContactCenter.Media.Recording;

/// <summary>A paused stretch of a recording (REC-1), written to the file as silence.</summary>
/// <param name="OffsetSeconds">Position in the file where the pause starts.</param>
/// <param name="DurationSeconds">Length of the silence (up to the end of the file when the call ended paused).</param>
public sealed record RecordingPause(double OffsetSeconds, double DurationSeconds);
