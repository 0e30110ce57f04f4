namespace ContactCenter.Media.Timing;

/// <summary>Calls back once per frame interval on a monotonic clock: each timer tick runs every frame due by the elapsed
/// time since the start, so the rate follows the clock rather than the count of ticks and timer lateness does not
/// accumulate. After a stall at most <see cref="MaxBurst"/> frames run in one tick and the schedule slips for the
/// rest, so a paused process does not flood peers' jitter buffers when it resumes.</summary>
/// <remarks>Callbacks run on the timer's thread, one at a time (under a lock); a callback may call <see cref="Stop"/>.
/// Given a <see cref="FrameScheduler"/> whose cycle is the frame, the pacer has no timer of its own: the scheduler's
/// shared tick visits it once per frame.</remarks>
public sealed class FramePacer : IDisposable
{
    /// <summary>Most frames run in one tick when catching up.</summary>
    public const int MaxBurst = 3;

    /// <summary>How early a frame may run: a quarter of the frame, at most this (a quarter of a 20 ms frame), more than
    /// the coarse-clock granularity of timers (the periodic timer keeps to its schedule but may fire up to a clock tick
    /// early or late).</summary>
    internal static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider _time;
    private readonly TimeSpan _frame;
    private readonly Action<long> _onFrame;
    private readonly TimeSpan _early;
    private readonly Lock _lock = new();
    private readonly FrameScheduler? _scheduler;
    private ITimer? _timer;
    private bool _started;
    private long _start;
    private long _framesRun;
    private bool _stopped;

    /// <summary>Creates a stopped pacer.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="frame">Frame interval, e.g. 20 ms.</param>
    /// <param name="onFrame">Called with the frame index (0, 1, 2, ...).</param>
    /// <param name="scheduler">Shared ticks to use instead of a timer of its own when its cycle is
    /// <paramref name="frame"/>; null for an own timer.</param>
    public FramePacer(TimeProvider time, TimeSpan frame, Action<long> onFrame, FrameScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onFrame);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        _time = time;
        _frame = frame;
        _onFrame = onFrame;
        _scheduler = scheduler is not null && scheduler.Cycle == frame ? scheduler : null;
        _early = frame / 4 < EarlyTolerance ? frame / 4 : EarlyTolerance;
    }

    /// <summary>Frames run so far.</summary>
    public long FramesRun => Interlocked.Read(ref _framesRun);

    /// <summary>Whether <see cref="Stop"/> was called (or the callback stopped it).</summary>
    internal bool IsStopped => Volatile.Read(ref _stopped);

    /// <summary>Runs frame 0 now and schedules the rest.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        lock (_lock)
        {
            if (_started)
            {
                throw new InvalidOperationException("A frame pacer starts once.");
            }
            _started = true;
            _start = _time.GetTimestamp();
            if (_scheduler is not null)
            {
                Tick();
                if (!_stopped)
                {
                    _scheduler.Add(this, _start);
                }
                return;
            }
            _timer = _time.CreateTimer(static s => ((FramePacer)s!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Tick();
            if (!_stopped)
            {
                _timer.Change(_frame, _frame);
            }
        }
    }

    /// <summary>Stops calling back. Idempotent.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            Volatile.Write(ref _stopped, true);
            _timer?.Dispose();
        }
    }

    /// <summary>Stops the pacer.</summary>
    public void Dispose() => Stop();

    /// <summary>Runs the frames due now (the timer callback).</summary>
    internal void Tick()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            // A frame counts as due a little before its time (_early): timers fire on a coarse clock, so a tick
            // may come a few milliseconds early; without the tolerance that tick would send nothing and the next would
            // send two frames back to back - a 20 ms gap and a burst instead of a few milliseconds of jitter.
            var due = (long)((_time.GetElapsedTime(_start) + _early) / _frame) + 1;
            if (due - _framesRun > MaxBurst)
            {
                // Slip: move the start later by the frames that will not be run.
                var slip = due - _framesRun - MaxBurst;
                _start += (long)(slip * _frame.TotalSeconds * _time.TimestampFrequency);
                due -= slip;
            }
            while (_framesRun < due && !_stopped)
            {
                var index = _framesRun;
                Interlocked.Increment(ref _framesRun);
                _onFrame(index);
            }
        }
    }
}
