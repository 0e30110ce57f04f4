namespace ContactCenter.Media.Timing;

/// <summary>One clock for every <see cref="FramePacer"/> of an engine instead of a timer per pacer: a few lanes (one per
/// processor by default), each a single periodic timer ticking every <see cref="Tick"/> (2 ms) that serves its pacers
/// in <see cref="Cycle"/>/<see cref="Tick"/> slots (10 of them for 20 ms frames). A pacer joins the slot its start
/// falls in, so it is visited once per cycle at the same phase — within one tick before each of its frames is due,
/// which its early tolerance covers — and its frames go out on the same grid as with its own timer. Pacers of one
/// slot are served in a fixed order, so each keeps its place (a constant offset, not jitter), and the work of a cycle
/// is spread over its slots and lanes instead of arriving as thousands of timer callbacks.</summary>
/// <remarks>Timers run only while a lane has pacers or checks. Pacers whose frame is not the cycle keep timers of their
/// own. The lanes also run housekeeping checks at least once a second (RTP sessions' inactivity and RTCP), so that
/// sessions need no timers either.</remarks>
public sealed class FrameScheduler : IDisposable
{
    private readonly FrameSchedulerLane[] _lanes;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="time">The clock of the lanes' timers and of the slot grid.</param>
    /// <param name="lanes">Timers working in parallel; 0 for one per processor.</param>
    /// <param name="cycle">Frame interval of the pacers served; default 20 ms.</param>
    /// <param name="tick">Slot length; default 2 ms. Must divide <paramref name="cycle"/> and be at most the pacers'
    /// early tolerance (a quarter of the cycle, at most 5 ms), since a pacer is visited up to one slot before its frame
    /// is due. Shorter slots spread a cycle's sends more evenly; each slot costs a wake-up of every lane.</param>
    /// <param name="threadNice">Nice value the lanes' own threads (system clock, Linux) ask for; 0 to leave them as
    /// they are.</param>
    public FrameScheduler(TimeProvider time, int lanes = 0, TimeSpan? cycle = null, TimeSpan? tick = null, int threadNice = 0)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(lanes);
        Cycle = cycle ?? TimeSpan.FromMilliseconds(20);
        Tick = tick ?? TimeSpan.FromMilliseconds(2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Tick, TimeSpan.Zero, nameof(tick));
        if (Cycle < Tick || Cycle.Ticks % Tick.Ticks != 0)
        {
            throw new ArgumentException($"The slot length {Tick} must divide the cycle {Cycle}.", nameof(tick));
        }
        if (Tick > Cycle / 4 || Tick > FramePacer.EarlyTolerance)
        {
            throw new ArgumentException($"The slot length {Tick} exceeds the pacers' early tolerance.", nameof(tick));
        }
        var epoch = time.GetTimestamp();
        var slots = (int)(Cycle.Ticks / Tick.Ticks);
        _lanes = new FrameSchedulerLane[lanes == 0 ? Environment.ProcessorCount : lanes];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = new FrameSchedulerLane(time, epoch, Tick, slots, threadNice);
        }
    }

    /// <summary>The frame interval of the pacers this scheduler serves.</summary>
    public TimeSpan Cycle { get; }

    /// <summary>The slot length: how often each lane's timer fires while it has pacers.</summary>
    public TimeSpan Tick { get; }

    /// <summary>Pacers and checks currently served (not yet seen stopped or removed), over all lanes.</summary>
    public int PacerCount => _lanes.Sum(l => l.Count);

    /// <summary>Whether any lane's timer is running.</summary>
    public bool IsTicking => _lanes.Any(l => l.IsTicking);

    /// <summary>Stops every lane's timer; pacers still registered are no longer served.</summary>
    public void Dispose()
    {
        foreach (var lane in _lanes)
        {
            lane.Dispose();
        }
    }

    /// <summary>Runs <paramref name="check"/> at least once a second on one lane until the result is disposed.</summary>
    internal IDisposable AddCheck(Action check)
    {
        var registration = new FrameSchedulerCheck(check);
        _lanes.MinBy(l => l.Count)!.AddCheck(registration);
        return registration;
    }

    /// <summary>Serves <paramref name="pacer"/> from now on, in the slot of <paramref name="startTimestamp"/>.</summary>
    internal void Add(FramePacer pacer, long startTimestamp)
    {
        // The lane with the fewest pacers (checks are light and counted apart): prompts and recordings spread evenly
        // whatever order legs, checks and pacers are created in.
        _lanes.MinBy(l => l.PacerCount)!.Add(pacer, startTimestamp);
    }
}
