namespace ContactCenter.Media.Timing;

/// <summary>A housekeeping callback a <see cref="FrameScheduler"/> lane runs at least once a second (RTP sessions'
/// inactivity checks and RTCP reports) instead of a timer of its own. Disposing removes it.</summary>
internal sealed class FrameSchedulerCheck(Action callback) : IDisposable
{
    private volatile bool _removed;

    /// <summary>Whether it was disposed; the lane drops it on its next visit.</summary>
    public bool IsRemoved => _removed;

    /// <summary>Runs the callback.</summary>
    public void Run() => callback();

    /// <summary>Stops the callbacks (one in progress may still complete).</summary>
    public void Dispose() => _removed = true;
}
