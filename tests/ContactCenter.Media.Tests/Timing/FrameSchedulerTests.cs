using ContactCenter.Media.Timing;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Timing;

public sealed class FrameSchedulerTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void Every_pacer_runs_one_frame_per_cycle_at_a_fixed_phase_up_to_one_slot_early()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 2);
        var origin = time.GetUtcNow();
        var runs = new List<(int Pacer, long Frame, TimeSpan At)>();
        var pacers = new List<FramePacer>();
        // Pacers start at various phases of the cycle, spread over both lanes.
        foreach (var (offset, index) in new[] { 0.0, 0.7, 3.1, 9.9, 10.0, 19.5 }.Select((o, i) => (o, i)))
        {
            time.Advance(TimeSpan.FromMilliseconds(offset) - (time.GetUtcNow() - origin) + (Frame * index));
            var pacer = new FramePacer(time, Frame, frame => runs.Add((index, frame, time.GetUtcNow() - origin)), scheduler);
            pacer.Start();
            pacers.Add(pacer);
        }
        Assert.Equal(pacers.Count, scheduler.PacerCount);

        time.Advance(Frame * 50);

        foreach (var (pacer, index) in pacers.Select((p, i) => (p, i)))
        {
            var own = runs.Where(r => r.Pacer == index).ToList();
            var start = own[0].At;
            Assert.Equal(Enumerable.Range(0, own.Count).Select(i => (long)i), own.Select(r => r.Frame));
            // Frame k runs at most one slot before its time, never after it (the fake clock is never late).
            Assert.All(own.Skip(1), r => Assert.InRange(r.At - start - (Frame * r.Frame), -Slot, TimeSpan.Zero));
            // The same phase every cycle: no jitter from the shared ticks.
            Assert.Single(own.Skip(1).Select(r => (r.At - start - (Frame * r.Frame)).Ticks).Distinct());
            Assert.Equal(pacer.FramesRun, own.Count);
        }
        pacers.ForEach(p => p.Stop());
    }

    [Fact]
    public void Stopped_pacers_leave_and_the_lanes_stop_ticking_when_empty()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 2);
        long frames = 0;
        var pacers = Enumerable.Range(0, 5).Select(_ => new FramePacer(time, Frame, _ => frames++, scheduler)).ToList();
        pacers.ForEach(p => p.Start());
        Assert.True(scheduler.IsTicking);

        time.Advance(Frame * 2);
        Assert.Equal(15, frames);
        pacers[0].Stop();
        pacers[1].Stop();
        time.Advance(Frame);
        Assert.Equal(18, frames);
        Assert.Equal(3, scheduler.PacerCount);

        pacers.ForEach(p => p.Stop());
        time.Advance(Frame);
        Assert.Equal(18, frames);
        Assert.Equal(0, scheduler.PacerCount);
        Assert.False(scheduler.IsTicking);

        // A pacer joining later starts the ticks again.
        using var late = new FramePacer(time, Frame, _ => frames++, scheduler);
        late.Start();
        time.Advance(Frame);
        Assert.Equal(20, frames);
    }

    [Fact]
    public void A_pacer_stopping_itself_in_its_callback_runs_no_more_frames()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 1);
        var frames = 0;
        FramePacer? pacer = null;
        pacer = new FramePacer(time, Frame, _ =>
        {
            if (++frames == 3)
            {
                pacer!.Stop();
            }
        }, scheduler);
        pacer.Start();
        time.Advance(Frame * 10);

        Assert.Equal(3, frames);
        Assert.Equal(0, scheduler.PacerCount);
    }

    [Fact]
    public void After_a_stall_a_pacer_catches_up_by_at_most_its_burst()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 1);
        using var pacer = new FramePacer(time, Frame, _ => { }, scheduler);
        pacer.Start();
        time.Advance(Frame);
        Assert.Equal(2, pacer.FramesRun);

        // The ticks were starved for ten frames: the next visit runs MaxBurst frames and the schedule slips.
        time.Jump(Frame * 10);
        time.Advance(Slot);
        Assert.Equal(2 + FramePacer.MaxBurst, pacer.FramesRun);
        time.Advance(Frame);
        Assert.Equal(3 + FramePacer.MaxBurst, pacer.FramesRun);
    }

    [Fact]
    public void A_pacer_of_another_frame_length_keeps_a_timer_of_its_own()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 1);
        using var pacer = new FramePacer(time, TimeSpan.FromMilliseconds(30), _ => { }, scheduler);
        pacer.Start();
        time.Advance(TimeSpan.FromMilliseconds(90));

        Assert.Equal(4, pacer.FramesRun);
        Assert.Equal(0, scheduler.PacerCount);
        Assert.False(scheduler.IsTicking);
    }

    [Fact]
    public void Checks_run_at_least_once_a_second_until_removed()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 2);
        var counts = new int[600];
        var checks = Enumerable.Range(0, counts.Length).Select(i => scheduler.AddCheck(() => counts[i]++)).ToList();

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.All(counts, c => Assert.InRange(c, 3, 4));

        checks.ForEach(c => c.Dispose());
        Array.Clear(counts);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.All(counts, c => Assert.Equal(0, c));
        Assert.Equal(0, scheduler.PacerCount);
        Assert.False(scheduler.IsTicking);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void Slots_must_divide_the_cycle_and_stay_within_the_early_tolerance(int milliseconds) =>
        Assert.Throws<ArgumentException>(() => new FrameScheduler(new FakeTimeProvider(), tick: TimeSpan.FromMilliseconds(milliseconds)));
}
