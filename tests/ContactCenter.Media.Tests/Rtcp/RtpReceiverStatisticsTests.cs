using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Rtcp;

public sealed class RtpReceiverStatisticsTests
{
    private static TimeSpan At(int packet) => TimeSpan.FromMilliseconds(20 * packet);

    [Fact]
    public void First_packet_is_probation_then_the_stream_counts()
    {
        var stats = new RtpReceiverStatistics();
        Assert.False(stats.OnPacket(100, 0, At(0)));
        Assert.True(stats.OnPacket(101, 160, At(1)));
        Assert.True(stats.OnPacket(102, 320, At(2)));
        Assert.Equal(2, stats.Received);
        Assert.Equal(2, stats.Expected);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void Extended_highest_sequence_counts_wraps()
    {
        var stats = new RtpReceiverStatistics();
        ushort seq = 65530;
        for (var i = 0; i < 20; i++, seq++)
        {
            stats.OnPacket(seq, (uint)(i * 160), At(i));
        }
        Assert.Equal((1u << 16) + 13, stats.ExtendedHighestSequence);
        Assert.Equal(19, stats.Expected);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void Loss_fraction_is_per_interval_and_cumulative_loss_accumulates()
    {
        var stats = new RtpReceiverStatistics();
        // Packets 0..100; 0 is probation. Drop every 4th of 1..100 (25 lost of 100 expected).
        for (var i = 0; i <= 100; i++)
        {
            if (i == 0 || i % 4 != 0 || i == 100)
            {
                stats.OnPacket((ushort)(65500 + i), (uint)(i * 160), At(i));
            }
        }
        var first = stats.CreateReportBlock(1);
        Assert.Equal(24, first.CumulativeLost);
        Assert.Equal(24 * 256 / 100, first.FractionLost);

        // Next interval: no loss, so the fraction goes back to zero while the cumulative count stays.
        for (var i = 101; i <= 150; i++)
        {
            stats.OnPacket((ushort)(65500 + i), (uint)(i * 160), At(i));
        }
        var second = stats.CreateReportBlock(1);
        Assert.Equal(0, second.FractionLost);
        Assert.Equal(24, second.CumulativeLost);
        Assert.Equal((1u << 16) + 114u, second.ExtendedHighestSequence);
    }

    [Fact]
    public void Duplicates_make_loss_negative_and_fraction_zero()
    {
        var stats = new RtpReceiverStatistics();
        for (var i = 0; i < 10; i++)
        {
            stats.OnPacket((ushort)i, (uint)(i * 160), At(i));
            if (i > 2)
            {
                stats.OnPacket((ushort)i, (uint)(i * 160), At(i));
            }
        }
        var block = stats.CreateReportBlock(1);
        Assert.Equal(-7, block.CumulativeLost);
        Assert.Equal(0, block.FractionLost);
    }

    [Fact]
    public void Jitter_is_zero_for_perfect_pacing_and_tracks_alternating_delay()
    {
        var steady = new RtpReceiverStatistics();
        var wobbly = new RtpReceiverStatistics();
        for (var i = 0; i < 500; i++)
        {
            steady.OnPacket((ushort)i, (uint)(i * 160), At(i));
            // Every other packet arrives 10 ms late: |D| is 80 timestamp units each time, so J converges to 80.
            wobbly.OnPacket((ushort)i, (uint)(i * 160), At(i) + TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 10));
        }
        Assert.Equal(0u, steady.Jitter);
        Assert.InRange(wobbly.Jitter, 78u, 80u);
    }

    [Fact]
    public void A_confirmed_jump_restarts_the_stream_and_a_stray_one_is_ignored()
    {
        var stats = new RtpReceiverStatistics();
        for (var i = 0; i < 10; i++)
        {
            stats.OnPacket((ushort)i, (uint)(i * 160), At(i));
        }
        Assert.False(stats.OnPacket(30000, 0, At(11)));
        Assert.True(stats.OnPacket(10, 1600, At(12)));
        Assert.False(stats.OnPacket(40000, 0, At(13)));
        Assert.True(stats.OnPacket(40001, 160, At(14)));
        Assert.Equal(1, stats.Received);
        Assert.Equal(40001u, stats.ExtendedHighestSequence);
    }
}
