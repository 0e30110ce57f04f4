using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpOutboundStreamTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Numbers_packets_continuously_and_marks_the_first()
    {
        var stream = new RtpOutboundStream(77, 0, 8000, 65534, uint.MaxValue - 160);
        var headers = Enumerable.Range(0, 4).Select(i => stream.Next(160, 160, Ms(20 * i))).ToList();
        Assert.Equal(new ushort[] { 65534, 65535, 0, 1 }, headers.Select(h => h.SequenceNumber));
        Assert.Equal(new[] { uint.MaxValue - 160, uint.MaxValue, 159u, 319u }, headers.Select(h => h.Timestamp));
        Assert.Equal([true, false, false, false], headers.Select(h => h.Marker));
        Assert.All(headers, h => Assert.Equal(77u, h.Ssrc));
        Assert.Equal(4u, stream.PacketCount);
        Assert.Equal(640u, stream.OctetCount);
    }

    [Fact]
    public void A_pause_advances_the_timestamp_with_time_but_not_the_sequence()
    {
        var stream = new RtpOutboundStream(1, 8, 8000, 10, 0);
        stream.Next(160, 160, Ms(0));
        stream.Next(160, 160, Ms(20));
        // One second without sending (prompt ended, relay starts).
        var resumed = stream.Next(160, 160, Ms(1040));
        Assert.Equal(12, resumed.SequenceNumber);
        Assert.Equal(160u + 8160u, resumed.Timestamp);
        Assert.True(resumed.Marker);
        var next = stream.Next(160, 160, Ms(1060));
        Assert.Equal(160u + 8160u + 160u, next.Timestamp);
        Assert.False(next.Marker);
    }

    [Fact]
    public void Event_packets_keep_their_timestamp_and_share_the_sequence()
    {
        var stream = new RtpOutboundStream(1, 0, 8000, 100, 0);
        stream.Next(160, 160, Ms(0));
        var evt = stream.NextWithTimestamp(101, 160, marker: true, payloadLength: 4);
        Assert.Equal(new RtpHeader(101, 101, 160, 1, true), evt);
        Assert.Equal(102, stream.Next(160, 160, Ms(40)).SequenceNumber);
    }

    [Fact]
    public void Relayed_packets_keep_the_source_spacing_and_switches_stay_continuous()
    {
        var stream = new RtpOutboundStream(1, 0, 8000, 100, 0);
        // Prompt: 100, 101 at timestamps 0, 160.
        stream.Next(160, 160, Ms(0));
        stream.Next(160, 160, Ms(20));
        // The other party starts at once, with its own numbers: a loss (502 missing) and a reordering (504 before 503).
        var first = stream.NextRelayed(new RtpHeader(0, 500, 90_000, 77), 160, 160, Ms(40));
        var second = stream.NextRelayed(new RtpHeader(0, 501, 90_160, 77), 160, 160, Ms(60));
        var fourth = stream.NextRelayed(new RtpHeader(0, 504, 90_640, 77), 160, 160, Ms(100));
        var third = stream.NextRelayed(new RtpHeader(0, 503, 90_480, 77), 160, 160, Ms(101));
        Assert.Equal((102, 320u, true), (first.SequenceNumber, first.Timestamp, first.Marker));
        Assert.Equal((103, 480u, false), (second.SequenceNumber, second.Timestamp, second.Marker));
        // Sequence numbers stay ours (no gap for packets filtered out); timestamps carry the source's loss and order.
        Assert.Equal((104, 960u), (fourth.SequenceNumber, fourth.Timestamp));
        Assert.Equal((105, 800u), (third.SequenceNumber, third.Timestamp));
        // Back to a prompt: continues after the newest relayed timestamp.
        var prompt = stream.Next(160, 160, Ms(120));
        Assert.Equal((106, 1120u, false), (prompt.SequenceNumber, prompt.Timestamp, prompt.Marker));
        // A new source (another SSRC) re-anchors and is marked.
        var other = stream.NextRelayed(new RtpHeader(0, 9, 5, 88), 160, 160, Ms(140));
        Assert.Equal((107, 1280u, true), (other.SequenceNumber, other.Timestamp, other.Marker));
    }
}
