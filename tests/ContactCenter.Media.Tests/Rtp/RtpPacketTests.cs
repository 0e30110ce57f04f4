using ContactCenter.Media.Rtp;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void Fixed_header_round_trips_and_matches_the_wire_layout()
    {
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        var buffer = new byte[200];
        var header = new RtpHeader(8, 0xBEEF, 0x01020304, 0xCAFEBABE, Marker: true);

        var length = RtpPacketWriter.Write(buffer, header, payload);

        Assert.Equal(172, length);
        Assert.Equal(new byte[] { 0x80, 0x88, 0xBE, 0xEF, 1, 2, 3, 4, 0xCA, 0xFE, 0xBA, 0xBE }, buffer[..12]);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet, out var error));
        Assert.Equal(RtpParseError.None, error);
        Assert.Equal(header, packet.Header);
        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.False(packet.HasPadding);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.CsrcCount);
    }

    [Fact]
    public void Csrcs_extension_and_padding_round_trip()
    {
        var buffer = new byte[256];
        var header = new RtpHeader(0, 65535, uint.MaxValue, 7);
        uint[] csrcs = [11, 22, 33];
        byte[] extension = [1, 2, 3, 4, 5, 6, 7, 8];

        Assert.True(RtpPacketWriter.TryWrite(buffer, header, [9, 9, 9], csrcs, 0xBEDE, extension, true, 5, out var written));

        Assert.Equal(12 + 12 + 4 + 8 + 3 + 5, written);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet, out _));
        Assert.Equal(header, packet.Header);
        Assert.Equal(3, packet.CsrcCount);
        Assert.Equal(22u, packet.GetCsrc(1));
        Assert.True(packet.HasExtension);
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(extension, packet.Extension.ToArray());
        Assert.True(packet.HasPadding);
        Assert.Equal(5, packet.PaddingLength);
        Assert.Equal(new byte[] { 9, 9, 9 }, packet.Payload.ToArray());
    }

    [Fact]
    public void Writer_reports_a_destination_too_small()
    {
        Assert.Equal(-1, RtpPacketWriter.Write(new byte[20], new RtpHeader(0, 1, 2, 3), new byte[9]));
        Assert.False(RtpPacketWriter.TryWrite(new byte[20], new RtpHeader(0, 1, 2, 3), new byte[9], [], 0, [], false, 0, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 1 }, RtpParseError.TooShort)]
    [InlineData(new byte[] { 0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x82, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpParseError.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE }, RtpParseError.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpParseError.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0 }, RtpParseError.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 9 }, RtpParseError.InvalidPadding)]
    [InlineData(new byte[] { 0x80, 0xC8, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.RtcpPacket)]
    public void Malformed_packets_are_rejected_with_a_reason(byte[] datagram, RtpParseError expected)
    {
        Assert.False(RtpPacket.TryParse(datagram, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Padding_may_consume_the_whole_payload()
    {
        byte[] datagram = [0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
        Assert.True(RtpPacket.TryParse(datagram, out var packet, out _));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Fact]
    public void Random_bytes_never_throw_and_accepted_packets_fit_the_datagram()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var packet, out var error))
            {
                return error == RtpParseError.None
                    && 12 + (packet.CsrcCount * 4) + packet.Payload.Length + packet.PaddingLength <= bytes.Length;
            }
            return error != RtpParseError.None;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void Written_packets_always_parse_back()
    {
        var gen =
            // RFC 5761 §4: payload types 72..76 with the marker set are indistinguishable from RTCP; never used.
            from pt in Gen.Choose(0, 122).Select(p => p >= 72 ? p + 5 : p)
            from seq in Gen.Choose(0, 65535)
            from ts in ArbMap.Default.GeneratorFor<uint>()
            from marker in ArbMap.Default.GeneratorFor<bool>()
            from payloadLength in Gen.Choose(0, 320)
            from csrcCount in Gen.Choose(0, 15)
            from padding in Gen.Choose(0, 255)
            select (pt, seq, ts, marker, payloadLength, csrcCount, padding);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var header = new RtpHeader((byte)c.pt, (ushort)c.seq, c.ts, 42, c.marker);
            var payload = new byte[c.payloadLength];
            var csrcs = Enumerable.Range(1, c.csrcCount).Select(i => (uint)i).ToArray();
            var buffer = new byte[2000];
            Assert.True(RtpPacketWriter.TryWrite(buffer, header, payload, csrcs, 0, [], false, c.padding, out var written));
            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet, out var error), error.ToString());
            return packet.Header == header && packet.Payload.Length == c.payloadLength && packet.CsrcCount == c.csrcCount;
        }));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(65535, 0, 1)]
    [InlineData(0, 65535, -1)]
    [InlineData(100, 100, 0)]
    [InlineData(65000, 500, 1036)]
    public void Sequence_distance_wraps(int from, int to, int expected)
    {
        Assert.Equal(expected, RtpSequence.Distance((ushort)from, (ushort)to));
        Assert.Equal(expected > 0, RtpSequence.IsNewer((ushort)to, (ushort)from));
    }
}
