using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Tests.Jitter;

public sealed class PacketLossConcealerTests
{
    [Fact]
    public void Repeats_the_last_frame_then_fades_to_silence()
    {
        var concealer = new PacketLossConcealer(160, fullRepeats: 2, fadeFrames: 4);
        var good = Enumerable.Repeat((short)10000, 160).ToArray();
        concealer.Remember(good);
        var frame = new short[160];
        var peaks = new List<int>();
        var lasts = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            concealer.Conceal(frame);
            peaks.Add(frame.Max(s => Math.Abs((int)s)));
            lasts.Add(frame[^1]);
        }
        Assert.Equal(10000, peaks[0]);
        Assert.Equal(10000, peaks[1]);
        // Fading frames ramp down: each frame ends lower than it starts, and levels fall frame by frame.
        Assert.InRange(lasts[2], 7400, 7600);
        Assert.InRange(lasts[3], 4900, 5100);
        Assert.InRange(lasts[4], 2400, 2600);
        Assert.InRange(lasts[5], 0, 100);
        Assert.Equal(0, peaks[6]);
        Assert.Equal(0, peaks[7]);
        Assert.Equal(8, concealer.ConsecutiveConcealed);

        concealer.Remember(good);
        concealer.Conceal(frame);
        Assert.Equal(good, frame);
    }

    [Fact]
    public void Without_a_good_frame_conceals_with_silence()
    {
        var concealer = new PacketLossConcealer(160);
        var frame = Enumerable.Repeat((short)5, 160).ToArray();
        concealer.Conceal(frame);
        Assert.All(frame, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Playout_buffer_decodes_frames_and_conceals_losses()
    {
        var playout = new AudioPlayoutBuffer(G711Codec.MuLaw, new JitterBufferOptions());
        var tone = new short[160];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * i / 16));
        }
        var encoded = new byte[160];
        MuLaw.Encode(tone, encoded);
        var expected = new short[160];
        MuLaw.Decode(encoded, expected);
        var frame20 = TimeSpan.FromMilliseconds(20);
        playout.Push(0, 0, encoded, TimeSpan.Zero);
        playout.Push(2, 320, encoded, frame20 * 2);
        var pcm = new short[160];

        Assert.Equal(JitterFrameStatus.Buffering, playout.Pop(TimeSpan.Zero, pcm));
        Assert.All(pcm, s => Assert.Equal(0, s));
        Assert.Equal(JitterFrameStatus.Frame, playout.Pop(frame20 * 3, pcm));
        Assert.Equal(expected, pcm);
        Assert.Equal(JitterFrameStatus.Lost, playout.Pop(frame20 * 4, pcm));
        Assert.Equal(expected, pcm);
        Assert.Equal(JitterFrameStatus.Frame, playout.Pop(frame20 * 5, pcm));
        Assert.Equal(JitterFrameStatus.Underrun, playout.Pop(frame20 * 6, pcm));
        Assert.Equal(expected, pcm);
        Assert.Equal(1, playout.Jitter.LostFrames);
    }
}
