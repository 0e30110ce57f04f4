using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>One packet of a compound RTCP datagram, as returned by <see cref="RtcpCompoundReader"/>. The body is a
/// slice of the datagram (header and padding excluded); the reader has checked it holds what the counts announce.</summary>
public readonly ref struct RtcpPacket
{
    internal RtcpPacket(byte type, int count, ReadOnlySpan<byte> body)
    {
        Type = type;
        Count = count;
        Body = body;
    }

    /// <summary>The packet type octet (see <see cref="RtcpPacketType"/>; other values are passed through).</summary>
    public byte Type { get; }

    /// <summary>The 5-bit count: report blocks (SR, RR), chunks (SDES) or sources (BYE).</summary>
    public int Count { get; }

    /// <summary>The octets after the 4-byte header, padding removed.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The SSRC of the sender of an SR or RR (the first word of the body).</summary>
    public uint Ssrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;

    /// <summary>Number of report blocks of an SR or RR.</summary>
    public int ReportBlockCount => Type is (byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport ? Count : 0;

    /// <summary>The sender information of an SR.</summary>
    public bool TryGetSenderInfo(out RtcpSenderInfo info)
    {
        if (Type != (byte)RtcpPacketType.SenderReport)
        {
            info = default;
            return false;
        }
        info = new RtcpSenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(Body[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[20..]));
        return true;
    }

    /// <summary>Report block <paramref name="index"/> of an SR or RR.</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportBlockCount);
        var start = (Type == (byte)RtcpPacketType.SenderReport ? 4 + RtcpSenderInfo.Length : 4) + (index * RtcpReportBlock.Length);
        var block = Body.Slice(start, RtcpReportBlock.Length);
        var word = BinaryPrimitives.ReadUInt32BigEndian(block[4..]);
        // Sign-extend the 24-bit cumulative loss.
        var lost = (int)(word << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(block),
            (byte)(word >> 24),
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
    }

    /// <summary>The CNAME of the first SDES chunk that has one (§6.5.1).</summary>
    public bool TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        ssrc = 0;
        cname = default;
        if (Type != (byte)RtcpPacketType.SourceDescription)
        {
            return false;
        }
        var rest = Body;
        for (var chunk = 0; chunk < Count && rest.Length >= 4; chunk++)
        {
            var chunkSsrc = BinaryPrimitives.ReadUInt32BigEndian(rest);
            var offset = 4;
            while (offset < rest.Length && rest[offset] != 0)
            {
                if (offset + 2 > rest.Length || offset + 2 + rest[offset + 1] > rest.Length)
                {
                    return false;
                }
                var itemType = rest[offset];
                var itemLength = rest[offset + 1];
                if (itemType == 1)
                {
                    ssrc = chunkSsrc;
                    cname = rest.Slice(offset + 2, itemLength);
                    return true;
                }
                offset += 2 + itemLength;
            }
            // Skip the terminating null octet(s) to the next 32-bit boundary.
            offset = (offset + 4) & ~3;
            if (offset > rest.Length)
            {
                return false;
            }
            rest = rest[offset..];
        }
        return false;
    }

    /// <summary>Source <paramref name="index"/> leaving, from a BYE.</summary>
    public uint GetGoodbyeSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Type == (byte)RtcpPacketType.Goodbye ? Count : 0);
        return BinaryPrimitives.ReadUInt32BigEndian(Body[(index * 4)..]);
    }

    /// <summary>The reason text of a BYE, empty when there is none.</summary>
    public ReadOnlySpan<byte> GoodbyeReason
    {
        get
        {
            if (Type != (byte)RtcpPacketType.Goodbye)
            {
                return default;
            }
            var offset = Count * 4;
            if (offset >= Body.Length)
            {
                return default;
            }
            var length = Body[offset];
            return offset + 1 + length <= Body.Length ? Body.Slice(offset + 1, length) : default;
        }
    }
}
