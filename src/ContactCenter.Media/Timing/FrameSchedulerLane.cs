using System.Collections.Concurrent;

namespace ContactCenter.Media.Timing;

/// <summary>One timer of a <see cref="FrameScheduler"/> and the pacers it serves, by slot. The slot lists belong to
/// the timer callback (one at a time: a callback that finds another still running returns, and the next catches up on
/// the slots both skipped); pacers join through a queue it drains, and leave by being stopped.</summary>
/// <remarks>On the system clock (Linux) the ticks come from a thread of the lane's own that sleeps until each tick's
/// absolute time: a thread-pool timer firing a thousand times a second would cost a pool hand-off per tick and leave
/// the pool's workers spinning between ticks. Any other clock (a test's) drives the lane through its timers.</remarks>
internal sealed class FrameSchedulerLane : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly TimeSpan _tick;
    private readonly double _tickTimestamps;
    private readonly List<FramePacer>[] _slots;
    private readonly ConcurrentQueue<(FramePacer Pacer, int Slot)> _joining = new();
    private readonly ConcurrentQueue<FrameSchedulerCheck> _joiningChecks = new();
    private readonly List<FrameSchedulerCheck> _checks = [];
    private readonly int _ticksPerSecond;
    private readonly Lock _lock = new();
    private readonly bool _ownThread;
    private readonly int _nice;
    private readonly ManualResetEventSlim _resume = new();
    private Thread? _thread;
    private ITimer? _timer;
    private bool _ticking;
    private bool _disposed;
    private int _running;
    private long _lastTick = -1;
    private int _checkCursor;
    private long _checkCredit;
    private int _count;
    private int _pacerCount;

    public FrameSchedulerLane(TimeProvider time, long epoch, TimeSpan tick, int slots, int nice)
    {
        _nice = nice;
        _time = time;
        _epoch = epoch;
        _tick = tick;
        _tickTimestamps = tick.TotalSeconds * time.TimestampFrequency;
        _ownThread = time == TimeProvider.System && MonotonicSleep.IsSupported;
        _ticksPerSecond = (int)Math.Max(1, TimeSpan.TicksPerSecond / tick.Ticks);
        _slots = new List<FramePacer>[slots];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = [];
        }
    }

    /// <summary>Pacers and housekeeping checks served (joining ones included).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Pacers served (joining ones included).</summary>
    public int PacerCount => Volatile.Read(ref _pacerCount);

    /// <summary>Whether the timer runs.</summary>
    public bool IsTicking
    {
        get
        {
            lock (_lock)
            {
                return _ticking;
            }
        }
    }

    public void Add(FramePacer pacer, long startTimestamp)
    {
        // The slot whose tick is the last at or before the start: visits come up to one tick before each frame's time.
        var slot = (int)(Math.Max(0, TickAt(startTimestamp)) % _slots.Length);
        Interlocked.Increment(ref _count);
        Interlocked.Increment(ref _pacerCount);
        _joining.Enqueue((pacer, slot));
        EnsureTicking();
    }

    public void AddCheck(FrameSchedulerCheck check)
    {
        Interlocked.Increment(ref _count);
        _joiningChecks.Enqueue(check);
        EnsureTicking();
    }

    private void EnsureTicking()
    {
        lock (_lock)
        {
            if (!_ticking && !_disposed)
            {
                _ticking = true;
                if (_ownThread)
                {
                    _thread ??= StartThread();
                    _resume.Set();
                    return;
                }
                _timer ??= _time.CreateTimer(static s => ((FrameSchedulerLane)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(_tick, _tick);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _ticking = false;
            _timer?.Dispose();
            _resume.Set();
        }
    }

    /// <summary>Runs every slot that came due since the previous callback (at most one cycle's worth).</summary>
    internal void OnTimer()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            return;
        }
        try
        {
            while (_joining.TryDequeue(out var joining))
            {
                _slots[joining.Slot].Add(joining.Pacer);
            }
            var current = TickAt(_time.GetTimestamp());
            for (var tick = Math.Max(_lastTick + 1, current - _slots.Length + 1); tick <= current; tick++)
            {
                RunSlot(_slots[(int)(tick % _slots.Length)]);
            }
            RunChecks(current - _lastTick);
            _lastTick = Math.Max(_lastTick, current);
            if (Volatile.Read(ref _count) == 0)
            {
                lock (_lock)
                {
                    // Add counts before it enqueues and takes this lock after: a pacer joining now keeps the timer.
                    if (Volatile.Read(ref _count) == 0 && _ticking)
                    {
                        _ticking = false;
                        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                        _resume.Reset();
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private Thread StartThread()
    {
        var thread = new Thread(RunThread) { IsBackground = true, Name = "media-pacing" };
        thread.Start();
        return thread;
    }

    private void RunThread()
    {
        // Best effort: without the privilege the lane keeps the process's priority.
        MediaThreadPriority.TrySetNice(_nice);
        var step = (long)_tickTimestamps;
        var next = _time.GetTimestamp();
        while (true)
        {
            if (!_resume.IsSet)
            {
                _resume.Wait();
                next = _time.GetTimestamp();
            }
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }
            }
            next += step;
            var now = _time.GetTimestamp();
            if (now - next > 20 * step)
            {
                // Far behind (the machine stalled): OnTimer catches up on the slots; do not run ticks back to back.
                next = now;
            }
            MonotonicSleep.Until(next);
            OnTimer();
        }
    }

    /// <summary>Visits the share of the checks that <paramref name="ticks"/> ticks are owed, round-robin, so that each
    /// check runs once a second.</summary>
    private void RunChecks(long ticks)
    {
        while (_joiningChecks.TryDequeue(out var joining))
        {
            _checks.Add(joining);
        }
        if (_checks.Count == 0 || ticks <= 0)
        {
            return;
        }
        // Count visits owed in ticks-per-second units so that, whatever the number of checks, each comes round once a
        // second (the remainder carries over to the next tick).
        _checkCredit += _checks.Count * Math.Min(ticks, _ticksPerSecond);
        var visits = (int)Math.Min(_checks.Count, _checkCredit / _ticksPerSecond);
        _checkCredit -= visits * (long)_ticksPerSecond;
        // Removed checks are dropped as the cursor passes them, without using up a visit.
        for (var examined = _checks.Count; visits > 0 && examined > 0 && _checks.Count > 0; examined--)
        {
            if (_checkCursor >= _checks.Count)
            {
                _checkCursor = 0;
            }
            var check = _checks[_checkCursor];
            if (check.IsRemoved)
            {
                _checks.RemoveAt(_checkCursor);
                Interlocked.Decrement(ref _count);
                continue;
            }
            check.Run();
            _checkCursor++;
            visits--;
        }
    }

    private long TickAt(long timestamp) => (long)Math.Floor((timestamp - _epoch) / _tickTimestamps);

    private void RunSlot(List<FramePacer> pacers)
    {
        for (var i = 0; i < pacers.Count; i++)
        {
            var pacer = pacers[i];
            if (!pacer.IsStopped)
            {
                pacer.Tick();
            }
            if (pacer.IsStopped)
            {
                // Order matters (each pacer keeps its place in the slot), so remove rather than swap with the last.
                pacers.RemoveAt(i);
                i--;
                Interlocked.Decrement(ref _count);
                Interlocked.Decrement(ref _pacerCount);
            }
        }
    }
}
