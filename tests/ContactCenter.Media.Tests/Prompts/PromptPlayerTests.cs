using ContactCenter.Media.Codecs;
using ContactCenter.Media.Prompts;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class PromptPlayerTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private static short[] Tone(int samples) =>
        Enumerable.Range(0, samples).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 400 * i / 8000))).ToArray();

    [Fact]
    public async Task Sends_one_frame_per_20ms_of_clock_and_completes()
    {
        var time = new FakeTimeProvider();
        var frames = new List<byte[]>();
        var prompt = Tone(8000 + 80);
        using var player = new PromptPlayer(prompt, G711Codec.MuLaw, time, (payload, samples) =>
        {
            Assert.Equal(160, samples);
            frames.Add(payload.ToArray());
        });

        player.Start();
        Assert.Single(frames);
        time.Advance(Frame);
        Assert.Equal(2, frames.Count);
        time.Advance(Frame * 9);
        Assert.Equal(11, frames.Count);
        time.Advance(Frame * 60);

        Assert.True(await player.Completion.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        // 8,080 samples: 50 full frames and a half frame padded with silence.
        Assert.Equal(51, frames.Count);
        var expected = new byte[160];
        MuLaw.Encode(prompt.AsSpan(160 * 7, 160), expected);
        Assert.Equal(expected, frames[7]);
        Assert.All(frames[^1][80..], b => Assert.Equal(MuLaw.Silence, b));
    }

    [Fact]
    public void A_late_tick_catches_up_in_bounded_bursts_and_then_slips()
    {
        var clock = new ManualClock();
        var sent = 0;
        using var player = new PromptPlayer(Tone(80000), G711Codec.ALaw, clock, (_, _) => sent++);
        player.Start();
        Assert.Equal(1, sent);
        // The timer thread was held up: its next tick sees 70 ms gone, so frames 1..3 are due: a burst of three.
        clock.Now += TimeSpan.FromMilliseconds(70);
        clock.Fire();
        Assert.Equal(4, sent);
        // 200 ms more: 10 frames due, but a tick sends at most three; the remainder slips rather than bursting later.
        clock.Now += TimeSpan.FromMilliseconds(200);
        clock.Fire();
        Assert.Equal(4 + PromptPlayer.MaxBurst, sent);
        clock.Now += TimeSpan.FromMilliseconds(20);
        clock.Fire();
        Assert.Equal(8, sent);
    }

    /// <summary>A clock whose single timer fires only when told, to model a late timer thread.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private TimerCallback? _callback;
        private object? _state;

        public TimeSpan Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _state = state;
            return new NoTimer();
        }

        public void Fire() => _callback!(_state);

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Looping_plays_until_stopped()
    {
        var time = new FakeTimeProvider();
        var sent = 0;
        var player = new PromptPlayer(Tone(100), G711Codec.MuLaw, time, (_, _) => sent++, loop: true);
        player.Start();
        time.Advance(Frame * 99);
        Assert.Equal(100, sent);
        player.Stop();
        time.Advance(Frame * 10);
        Assert.Equal(100, sent);
        Assert.False(await player.Completion.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Throws<InvalidOperationException>(player.Start);
    }
}
