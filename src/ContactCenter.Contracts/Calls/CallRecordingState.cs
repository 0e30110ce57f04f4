namespace ContactCenter.Contracts.Calls;

/// <summary>Whether the call is being recorded (REC-1).</summary>
public enum CallRecordingState
{
    /// <summary>Not recorded (not connected yet, or the site does not record calls).</summary>
    Off,

    /// <summary>Both sides are being recorded.</summary>
    On,

    /// <summary>The agent paused the recording: silence is written, so the file's timeline stays true.</summary>
    Paused,
}
