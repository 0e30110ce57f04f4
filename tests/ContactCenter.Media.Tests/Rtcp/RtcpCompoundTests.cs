using System.Text;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Rtcp;

public sealed class RtcpCompoundTests
{
    private static readonly RtcpReportBlock Block = new(0x11223344, 64, -5, 0x0001FFFF, 120, 0xAABBCCDD, 65536);

    [Fact]
    public void Sender_report_sdes_and_bye_round_trip_in_one_compound()
    {
        var buffer = new byte[512];
        var writer = new RtcpCompoundWriter(buffer);
        var sender = new RtcpSenderInfo(0x0102030405060708, 160_000, 1000, 160_000);

        Assert.True(writer.TryWriteSenderReport(0xCAFE, sender, [Block, Block with { Ssrc = 9, CumulativeLost = 0x7FFFFF }]));
        Assert.True(writer.TryWriteSourceDescription(0xCAFE, "leg-1@cc"));
        Assert.True(writer.TryWriteGoodbye([0xCAFEu], "hangup"));
        Assert.Equal(RtcpParseError.None, RtcpCompoundReader.Validate(writer.Written));
        Assert.Equal(0, writer.Length % 4);

        var reader = new RtcpCompoundReader(writer.Written);
        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal((byte)RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0xCAFEu, sr.Ssrc);
        Assert.True(sr.TryGetSenderInfo(out var parsedSender));
        Assert.Equal(sender, parsedSender);
        Assert.Equal(2, sr.ReportBlockCount);
        Assert.Equal(Block, sr.GetReportBlock(0));
        Assert.Equal(0x7FFFFF, sr.GetReportBlock(1).CumulativeLost);

        Assert.True(reader.TryReadNext(out var sdes));
        Assert.True(sdes.TryGetCname(out var ssrc, out var cname));
        Assert.Equal(0xCAFEu, ssrc);
        Assert.Equal("leg-1@cc", Encoding.UTF8.GetString(cname));

        Assert.True(reader.TryReadNext(out var bye));
        Assert.Equal((byte)RtcpPacketType.Goodbye, bye.Type);
        Assert.Equal(0xCAFEu, bye.GetGoodbyeSsrc(0));
        Assert.Equal("hangup", Encoding.UTF8.GetString(bye.GoodbyeReason));

        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(RtcpParseError.None, reader.Error);
    }

    [Fact]
    public void Receiver_report_has_the_wire_layout_of_rfc3550()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(0x01020304, [Block]));

        var bytes = writer.Written.ToArray();
        Assert.Equal(32, bytes.Length);
        // V=2, RC=1, PT=201, length = 8 words - 1.
        Assert.Equal(new byte[] { 0x81, 201, 0, 7, 1, 2, 3, 4, 0x11, 0x22, 0x33, 0x44, 64, 0xFF, 0xFF, 0xFB }, bytes[..16]);
        var reader = new RtcpCompoundReader(bytes);
        Assert.True(reader.TryReadNext(out var rr));
        Assert.Equal(Block, rr.GetReportBlock(0));
        Assert.False(rr.TryGetSenderInfo(out _));
    }

    [Fact]
    public void Writer_refuses_when_full_and_leaves_the_buffer_intact()
    {
        var buffer = new byte[40];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(1, [Block]));
        Assert.False(writer.TryWriteReceiverReport(1, [Block]));
        Assert.Equal(32, writer.Length);
    }

    [Fact]
    public void Empty_bye_reason_and_cname_padding_keep_word_alignment()
    {
        var buffer = new byte[128];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(1, []));
        Assert.True(writer.TryWriteSourceDescription(1, "abc"));
        Assert.True(writer.TryWriteGoodbye([1u, 2u]));
        Assert.Equal(RtcpParseError.None, RtcpCompoundReader.Validate(writer.Written));
        var reader = new RtcpCompoundReader(writer.Written);
        reader.TryReadNext(out _);
        reader.TryReadNext(out var sdes);
        Assert.True(sdes.TryGetCname(out _, out var cname));
        Assert.Equal(3, cname.Length);
        reader.TryReadNext(out var bye);
        Assert.Equal(2u, bye.GetGoodbyeSsrc(1));
        Assert.True(bye.GoodbyeReason.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 201, 0 }, RtcpParseError.TooShort)]
    [InlineData(new byte[] { 0x41, 201, 0, 1, 0, 0, 0, 1 }, RtcpParseError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x81, 202, 0, 1, 0, 0, 0, 1 }, RtcpParseError.FirstPacketNotReport)]
    [InlineData(new byte[] { 0x80, 201, 0, 5, 0, 0, 0, 1 }, RtcpParseError.LengthMismatch)]
    [InlineData(new byte[] { 0x81, 201, 0, 1, 0, 0, 0, 1 }, RtcpParseError.TruncatedBody)]
    [InlineData(new byte[] { 0xA0, 201, 0, 1, 0, 0, 0, 1, 0x80, 203, 0, 0 }, RtcpParseError.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 201, 0, 1, 0, 0, 0, 9 }, RtcpParseError.InvalidPadding)]
    public void Malformed_compounds_are_rejected_with_a_reason(byte[] datagram, RtcpParseError expected)
    {
        Assert.Equal(expected, RtcpCompoundReader.Validate(datagram));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
            {
                bytes[0] = (byte)(0x80 | (bytes[0] & 0x3F));
                bytes[1] = 201;
            }
            var reader = new RtcpCompoundReader(bytes);
            while (reader.TryReadNext(out var packet))
            {
                for (var b = 0; b < packet.ReportBlockCount; b++)
                {
                    _ = packet.GetReportBlock(b);
                }
                _ = packet.TryGetCname(out _, out _);
                _ = packet.GoodbyeReason;
            }
        }
    }

    [Fact]
    public void Ntp_time_of_the_unix_epoch_is_2208988800_seconds()
    {
        var ntp = NtpTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));
        Assert.Equal(2208988800UL, ntp >> 32);
        Assert.Equal(0x80000000UL, ntp & 0xFFFFFFFF);
        Assert.Equal(unchecked((uint)((2208988800UL << 16) | 0x8000)), NtpTime.Middle32(ntp));
        Assert.Equal(32768u, NtpTime.ToDelayUnits(TimeSpan.FromMilliseconds(500)));
    }
}
