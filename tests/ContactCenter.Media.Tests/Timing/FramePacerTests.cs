using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Tests.Timing;

public sealed class FramePacerTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_timer_firing_a_little_early_or_late_still_runs_one_frame_per_tick()
    {
        // The periodic timer keeps to its schedule but fires on a coarse clock: here alternately 3 ms early and 3 ms
        // late. An early tick must not send nothing (and the next one two frames back to back).
        var clock = new JitteryClock([TimeSpan.FromMilliseconds(-3), TimeSpan.FromMilliseconds(3)]);
        var framesPerTick = new List<long>();
        long frames = 0;
        using var pacer = new FramePacer(clock, Frame, _ => frames++);
        pacer.Start();
        for (var tick = 0; tick < 100; tick++)
        {
            var before = frames;
            clock.FireNext();
            framesPerTick.Add(frames - before);
        }

        Assert.All(framesPerTick, count => Assert.Equal(1, count));
        Assert.Equal(101, pacer.FramesRun);
    }

    [Fact]
    public void Frames_do_not_run_more_than_the_tolerance_early()
    {
        var clock = new JitteryClock([-FramePacer.EarlyTolerance - TimeSpan.FromMilliseconds(1)]);
        long frames = 0;
        using var pacer = new FramePacer(clock, Frame, _ => frames++);
        pacer.Start();
        clock.FireNext();

        Assert.Equal(1, frames);
    }

    /// <summary>A clock with one periodic timer that keeps to its schedule (as System.Threading.Timer does) but fires
    /// each time offset by the next of <paramref name="offsets"/>, when the test says.</summary>
    private sealed class JitteryClock(TimeSpan[] offsets) : TimeProvider
    {
        private TimerCallback? _callback;
        private object? _state;
        private TimeSpan _due;
        private TimeSpan _period;
        private int _fired;

        public TimeSpan Now { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _state = state;
            var timer = new Timer(this);
            timer.Change(dueTime, period);
            return timer;
        }

        public void FireNext()
        {
            Now = _due + offsets[_fired++ % offsets.Length];
            _due += _period;
            _callback!(_state);
        }

        private sealed class Timer(JitteryClock owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                owner._due = owner.Now + dueTime;
                owner._period = period;
                return true;
            }

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
