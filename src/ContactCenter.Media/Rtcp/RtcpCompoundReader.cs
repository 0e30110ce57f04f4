using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>Walks the packets of a compound RTCP datagram, applying the validity checks of RFC 3550 §A.2. Malformed
/// input stops the walk with <see cref="Error"/> set; nothing throws.</summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    /// <summary>Starts reading <paramref name="datagram"/>.</summary>
    public RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
        Error = RtcpParseError.None;
    }

    /// <summary>Why reading stopped early; <see cref="RtcpParseError.None"/> while the packets are well formed.</summary>
    public RtcpParseError Error { get; private set; }

    /// <summary>Checks a whole compound datagram without keeping anything.</summary>
    public static RtcpParseError Validate(ReadOnlySpan<byte> datagram)
    {
        var reader = new RtcpCompoundReader(datagram);
        while (reader.TryReadNext(out _))
        {
        }
        return reader.Error;
    }

    /// <summary>Reads the next packet; false at the end or on an error (then <see cref="Error"/> is set).</summary>
    public bool TryReadNext(out RtcpPacket packet)
    {
        packet = default;
        if (Error != RtcpParseError.None || _offset == _datagram.Length)
        {
            return false;
        }
        if (_offset == 0 && _datagram.Length % 4 != 0)
        {
            return Fail(RtcpParseError.TooShort);
        }
        var rest = _datagram[_offset..];
        if (rest.Length < 4)
        {
            return Fail(RtcpParseError.TooShort);
        }
        if (rest[0] >> 6 != 2)
        {
            return Fail(RtcpParseError.UnsupportedVersion);
        }
        var type = rest[1];
        if (_offset == 0 && type is not ((byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport))
        {
            return Fail(RtcpParseError.FirstPacketNotReport);
        }
        var size = (BinaryPrimitives.ReadUInt16BigEndian(rest[2..]) + 1) * 4;
        if (size > rest.Length)
        {
            return Fail(RtcpParseError.LengthMismatch);
        }
        var body = rest[4..size];
        if ((rest[0] & 0x20) != 0)
        {
            // §A.2: only the last packet of a compound may be padded.
            var padding = rest[size - 1];
            if (size != rest.Length || padding == 0 || padding > body.Length)
            {
                return Fail(RtcpParseError.InvalidPadding);
            }
            body = body[..^padding];
        }
        var count = rest[0] & 0x1F;
        var needed = type switch
        {
            (byte)RtcpPacketType.SenderReport => 4 + RtcpSenderInfo.Length + (count * RtcpReportBlock.Length),
            (byte)RtcpPacketType.ReceiverReport => 4 + (count * RtcpReportBlock.Length),
            (byte)RtcpPacketType.SourceDescription => count * 8,
            (byte)RtcpPacketType.Goodbye => count * 4,
            _ => 0,
        };
        if (body.Length < needed)
        {
            return Fail(RtcpParseError.TruncatedBody);
        }
        _offset += size;
        packet = new RtcpPacket(type, count, body);
        return true;
    }

    private bool Fail(RtcpParseError error)
    {
        Error = error;
        return false;
    }
}
