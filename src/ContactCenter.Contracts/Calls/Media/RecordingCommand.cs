namespace ContactCenter.Contracts.Calls.Media;

/// <summary>A recording change (REC-1).</summary>
public enum RecordingCommand
{
    /// <summary>Start recording both sides.</summary>
    Start,

    /// <summary>Pause (silence is written, so the timeline stays true).</summary>
    Pause,

    /// <summary>Resume after a pause.</summary>
    Resume,

    /// <summary>Stop and finalise the file.</summary>
    Stop,
}
