using ContactCenter.Media.Jitter;
using ContactCenter.Media.Rtp;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Media.Tests.Jitter;

public sealed class JitterBufferTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private readonly byte[] _out = new byte[480];

    private static byte[] Payload(int seq) => [(byte)seq, (byte)(seq >> 8), 1, 2];

    private static JitterBuffer Create(int capacity = 50, int initialMs = 60) => new(new JitterBufferOptions
    {
        Capacity = capacity,
        InitialDelay = TimeSpan.FromMilliseconds(initialMs),
        MaximumDelay = TimeSpan.FromMilliseconds(Math.Max(initialMs, 100)),
    });

    private static TimeSpan At(int frame) => Frame * frame;

    [Fact]
    public void Buffers_for_the_initial_delay_then_plays_in_order()
    {
        var buffer = Create();
        var frames = new List<JitterFrame>();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(JitterPushResult.Accepted, buffer.Push((ushort)(100 + i), (uint)(i * 160), Payload(100 + i), At(i)));
            // Just before the initial delay (60 ms) has run out, then on time.
            frames.Add(buffer.Pop(i == 3 ? At(i) - TimeSpan.FromTicks(1) : At(i), _out));
            if (i == 3)
            {
                frames.Add(buffer.Pop(At(i), _out));
            }
        }
        Assert.Equal(
            [JitterFrameStatus.Buffering, JitterFrameStatus.Buffering, JitterFrameStatus.Buffering, JitterFrameStatus.Buffering],
            frames.Take(4).Select(f => f.Status));
        Assert.Equal(new JitterFrame(JitterFrameStatus.Frame, 100, 0, 4), frames[4]);
        Assert.Equal(Enumerable.Range(100, 7).Select(i => (ushort)i), frames.Skip(4).Select(f => f.SequenceNumber));
        Assert.Equal(109, _out[0] + 3);
    }

    [Fact]
    public void Reorders_across_the_sequence_wrap()
    {
        var buffer = Create(initialMs: 200);
        ushort[] order = [65534, 0, 65535, 2, 1, 3];
        foreach (var seq in order)
        {
            var index = RtpSequence.Distance(65534, seq);
            buffer.Push(seq, (uint)(index * 160), Payload(seq), At(index));
        }
        var played = Enumerable.Range(0, 6).Select(i => buffer.Pop(At(10 + i), _out)).ToList();
        Assert.All(played, f => Assert.Equal(JitterFrameStatus.Frame, f.Status));
        Assert.Equal(new ushort[] { 65534, 65535, 0, 1, 2, 3 }, played.Select(f => f.SequenceNumber));
    }

    [Fact]
    public void Drops_duplicates_and_late_packets()
    {
        var buffer = Create();
        buffer.Push(10, 0, Payload(10), At(0));
        Assert.Equal(JitterPushResult.Duplicate, buffer.Push(10, 0, Payload(10), At(0)));
        buffer.Push(11, 160, Payload(11), At(1));
        Assert.Equal(JitterFrameStatus.Frame, buffer.Pop(At(5), _out).Status);
        Assert.Equal(JitterPushResult.TooLate, buffer.Push(10, 0, Payload(10), At(5)));
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void Packet_before_playout_extends_the_window_backwards()
    {
        var buffer = Create();
        buffer.Push(11, 160, Payload(11), At(1));
        Assert.Equal(JitterPushResult.Accepted, buffer.Push(10, 0, Payload(10), At(1)));
        Assert.Equal(10, buffer.Pop(At(5), _out).SequenceNumber);
    }

    [Fact]
    public void Reports_a_missing_packet_as_lost_with_its_expected_timestamp()
    {
        var buffer = Create();
        foreach (var i in new[] { 0, 1, 3, 4 })
        {
            buffer.Push((ushort)i, (uint)(i * 160), Payload(i), At(i));
        }
        var frames = Enumerable.Range(0, 5).Select(i => buffer.Pop(At(4 + i), _out)).ToList();
        Assert.Equal([JitterFrameStatus.Frame, JitterFrameStatus.Frame, JitterFrameStatus.Lost, JitterFrameStatus.Frame, JitterFrameStatus.Frame], frames.Select(f => f.Status));
        Assert.Equal(320u, frames[2].Timestamp);
        Assert.Equal(1, buffer.LostFrames);
    }

    [Fact]
    public void Underrun_waits_without_skipping_the_next_packet()
    {
        var buffer = Create();
        buffer.Push(0, 0, Payload(0), At(0));
        Assert.Equal(JitterFrameStatus.Frame, buffer.Pop(At(3), _out).Status);
        Assert.Equal(JitterFrameStatus.Underrun, buffer.Pop(At(4), _out).Status);
        buffer.Push(1, 160, Payload(1), At(4));
        var next = buffer.Pop(At(5), _out);
        Assert.Equal((JitterFrameStatus.Frame, (ushort)1), (next.Status, next.SequenceNumber));
        Assert.Equal(1, buffer.Underruns);
    }

    [Fact]
    public void Never_holds_more_than_the_capacity()
    {
        var buffer = Create(capacity: 8);
        for (var i = 0; i < 30; i++)
        {
            var result = buffer.Push((ushort)i, (uint)(i * 160), Payload(i), At(i));
            Assert.Equal(i < 8 ? JitterPushResult.Accepted : JitterPushResult.AcceptedWithOverflow, result);
            Assert.True(buffer.Count <= 8);
        }
        Assert.Equal(22, buffer.OverflowDiscards);
        Assert.Equal(8, buffer.Count);
        // 22..29 are held: eight frames against a three-frame target, so the oldest is dropped to catch up.
        Assert.Equal(23, buffer.Pop(At(40), _out).SequenceNumber);
        Assert.Equal(1, buffer.DroppedFrames);
    }

    [Fact]
    public void Large_sequence_jump_resynchronises()
    {
        var buffer = Create();
        buffer.Push(10, 0, Payload(10), At(0));
        Assert.Equal(JitterPushResult.Resynchronised, buffer.Push(30000, 99, Payload(30000), At(1)));
        Assert.Equal(1, buffer.Count);
        Assert.Equal(JitterFrameStatus.Buffering, buffer.Pop(At(2), _out).Status);
        Assert.Equal(30000, buffer.Pop(At(5), _out).SequenceNumber);
    }

    [Fact]
    public void Rejects_oversized_payloads()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MaxPayloadSize = 4 });
        Assert.Equal(JitterPushResult.TooLarge, buffer.Push(1, 0, new byte[5], TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => buffer.Pop(TimeSpan.Zero, new byte[3]));
    }

    [Fact]
    public void Target_delay_follows_jitter_within_bounds()
    {
        var options = new JitterBufferOptions { MinimumDelay = TimeSpan.FromMilliseconds(20), MaximumDelay = TimeSpan.FromMilliseconds(120) };
        var steady = new JitterBuffer(options);
        var wobbly = new JitterBuffer(options);
        var wild = new JitterBuffer(options);
        for (var i = 0; i < 200; i++)
        {
            steady.Push((ushort)i, (uint)(i * 160), Payload(i), At(i));
            wobbly.Push((ushort)i, (uint)(i * 160), Payload(i), At(i) + TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 10));
            wild.Push((ushort)i, (uint)(i * 160), Payload(i), At(i) + TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 100));
            steady.Pop(At(i), _out);
            wobbly.Pop(At(i), _out);
            wild.Pop(At(i), _out);
        }
        Assert.Equal(TimeSpan.FromMilliseconds(20), steady.TargetDelay);
        // |D| alternates at 10 ms, so J converges to 10 ms and the target to 4 × 10 ms.
        Assert.InRange(wobbly.TargetDelay.TotalMilliseconds, 38, 40);
        Assert.Equal(TimeSpan.FromMilliseconds(120), wild.TargetDelay);
    }

    [Fact]
    public void Excess_delay_after_a_stall_is_worked_off()
    {
        var buffer = Create();
        // Steady stream, then a 200 ms delay spike that delivers ten packets at once.
        var pops = new List<JitterFrame>();
        var seq = 0;
        for (var tick = 0; tick < 120; tick++)
        {
            if (tick is < 40 or >= 50)
            {
                var arrivals = tick == 50 ? 11 : 1;
                for (var k = 0; k < arrivals; k++, seq++)
                {
                    buffer.Push((ushort)seq, (uint)(seq * 160), Payload(seq), At(tick));
                }
            }
            pops.Add(buffer.Pop(At(tick) + TimeSpan.FromMilliseconds(1), _out));
        }
        Assert.True(buffer.Underruns >= 5, $"underruns {buffer.Underruns}");
        Assert.True(buffer.DroppedFrames > 0);
        // Back to the steady depth (target delay plus the packet in flight).
        Assert.InRange(buffer.Count, 1, 3);
        Assert.All(pops.TakeLast(10), f => Assert.Equal(JitterFrameStatus.Frame, f.Status));
    }

    [Fact]
    public void Any_arrival_pattern_keeps_the_bound_and_plays_each_sequence_once_in_order()
    {
        var gen =
            from start in Gen.Choose(0, 65535)
            from count in Gen.Choose(1, 300)
            from maxDelay in Gen.Choose(0, 400)
            from lossPercent in Gen.Choose(0, 30)
            from dupPercent in Gen.Choose(0, 20)
            from capacity in Gen.Choose(2, 40)
            from seed in Gen.Choose(0, int.MaxValue)
            select (start, count, maxDelay, lossPercent, dupPercent, capacity, seed);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var arrivals = new List<(TimeSpan At, ushort Seq, uint Ts)>();
            for (var i = 0; i < c.count; i++)
            {
                if (random.Next(100) < c.lossPercent)
                {
                    continue;
                }
                var copies = random.Next(100) < c.dupPercent ? 2 : 1;
                for (var k = 0; k < copies; k++)
                {
                    arrivals.Add((At(i) + TimeSpan.FromMilliseconds(random.Next(c.maxDelay + 1)), (ushort)(c.start + i), (uint)(i * 160)));
                }
            }
            arrivals.Sort((a, b) => a.At.CompareTo(b.At));
            var maxDelay = TimeSpan.FromMilliseconds(Math.Min(200, 20 * (c.capacity - 1)));
            var buffer = new JitterBuffer(new JitterBufferOptions
            {
                Capacity = c.capacity,
                MaximumDelay = maxDelay,
                InitialDelay = maxDelay < TimeSpan.FromMilliseconds(60) ? maxDelay : TimeSpan.FromMilliseconds(60),
            });
            var output = new byte[480];
            var played = new List<ushort>();
            var next = 0;
            for (var tick = 0; tick < c.count + 50; tick++)
            {
                var now = At(tick);
                for (; next < arrivals.Count && arrivals[next].At <= now; next++)
                {
                    buffer.Push(arrivals[next].Seq, arrivals[next].Ts, Payload(arrivals[next].Seq), arrivals[next].At);
                    if (buffer.Count > c.capacity)
                    {
                        return false.Label($"count {buffer.Count} over capacity {c.capacity}");
                    }
                }
                var frame = buffer.Pop(now, output);
                if (frame.Status is JitterFrameStatus.Frame or JitterFrameStatus.Lost)
                {
                    if (played.Count > 0 && !RtpSequence.IsNewer(frame.SequenceNumber, played[^1]))
                    {
                        return false.Label($"{frame.SequenceNumber} after {played[^1]}");
                    }
                    if (frame.Status == JitterFrameStatus.Frame && (output[0] != (byte)frame.SequenceNumber || output[1] != (byte)(frame.SequenceNumber >> 8)))
                    {
                        return false.Label($"payload of {frame.SequenceNumber} is not its own");
                    }
                    played.Add(frame.SequenceNumber);
                }
            }
            return true.ToProperty();
        }));
    }
}
