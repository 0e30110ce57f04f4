namespace ContactCenter.Media.Jitter;

/// <summary>The outcome of one <see cref="JitterBuffer.Pop"/>, i.e. of one playout interval.</summary>
public enum JitterFrameStatus
{
    /// <summary>Playout has not started (no packet yet, or the initial delay is still running): play nothing or
    /// silence.</summary>
    Buffering,

    /// <summary>A packet was copied out.</summary>
    Frame,

    /// <summary>The packet due now is missing while later ones are present: conceal it.</summary>
    Lost,

    /// <summary>The buffer ran dry: conceal this interval; playout waits, which lengthens the delay by one frame.</summary>
    Underrun,
}
