using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Media.Rtcp;

/// <summary>Builds a compound RTCP packet (RFC 3550 §6.1) in a caller-provided buffer. Each method appends one packet
/// or returns false, leaving the buffer as it was, when it does not fit. The caller starts with an SR or RR, as §6.1
/// requires, and adds an SDES with CNAME.</summary>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Starts an empty compound packet over <paramref name="buffer"/>.</summary>
    public RtcpCompoundWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The compound packet written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Appends a sender report with up to 31 report blocks.</summary>
    public bool TryWriteSenderReport(uint ssrc, in RtcpSenderInfo sender, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, 31, nameof(blocks));
        var size = 4 + 4 + RtcpSenderInfo.Length + (blocks.Length * RtcpReportBlock.Length);
        if (!TryReserve(size, out var packet))
        {
            return false;
        }
        WriteHeader(packet, blocks.Length, RtcpPacketType.SenderReport, size);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(packet[8..], sender.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[16..], sender.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[20..], sender.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(packet[24..], sender.OctetCount);
        WriteBlocks(packet[28..], blocks);
        return true;
    }

    /// <summary>Appends a receiver report with up to 31 report blocks.</summary>
    public bool TryWriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, 31, nameof(blocks));
        var size = 8 + (blocks.Length * RtcpReportBlock.Length);
        if (!TryReserve(size, out var packet))
        {
            return false;
        }
        WriteHeader(packet, blocks.Length, RtcpPacketType.ReceiverReport, size);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], blocks);
        return true;
    }

    /// <summary>Appends an SDES packet with one chunk holding the CNAME item (§6.5.1) of <paramref name="ssrc"/>.</summary>
    /// <exception cref="ArgumentException">The CNAME is empty or longer than 255 UTF-8 octets.</exception>
    public bool TryWriteSourceDescription(uint ssrc, string cname)
    {
        var textLength = Encoding.UTF8.GetByteCount(cname);
        if (textLength is 0 or > 255)
        {
            throw new ArgumentException("A CNAME is 1 to 255 UTF-8 octets.", nameof(cname));
        }
        // Chunk: SSRC, item type + length + text, then at least one null octet ending the item list, padded to a
        // 32-bit boundary (§6.5).
        var chunk = 4 + 2 + textLength + 1;
        chunk = (chunk + 3) & ~3;
        var size = 4 + chunk;
        if (!TryReserve(size, out var packet))
        {
            return false;
        }
        packet.Clear();
        WriteHeader(packet, 1, RtcpPacketType.SourceDescription, size);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = 1;
        packet[9] = (byte)textLength;
        Encoding.UTF8.GetBytes(cname, packet[10..]);
        return true;
    }

    /// <summary>Appends a BYE for up to 31 sources with an optional reason (§6.6).</summary>
    /// <exception cref="ArgumentException">The reason is longer than 255 UTF-8 octets.</exception>
    public bool TryWriteGoodbye(scoped ReadOnlySpan<uint> ssrcs, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, 31, nameof(ssrcs));
        var reasonLength = reason is null ? -1 : Encoding.UTF8.GetByteCount(reason);
        if (reasonLength > 255)
        {
            throw new ArgumentException("A BYE reason is at most 255 UTF-8 octets.", nameof(reason));
        }
        var size = 4 + (ssrcs.Length * 4) + (reasonLength < 0 ? 0 : (1 + reasonLength + 3) & ~3);
        if (!TryReserve(size, out var packet))
        {
            return false;
        }
        packet.Clear();
        WriteHeader(packet, ssrcs.Length, RtcpPacketType.Goodbye, size);
        for (var i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[(4 + (i * 4))..], ssrcs[i]);
        }
        if (reason is not null)
        {
            var offset = 4 + (ssrcs.Length * 4);
            packet[offset] = (byte)reasonLength;
            Encoding.UTF8.GetBytes(reason, packet[(offset + 1)..]);
        }
        return true;
    }

    private bool TryReserve(int size, out Span<byte> packet)
    {
        if (_buffer.Length - _length < size)
        {
            packet = default;
            return false;
        }
        packet = _buffer.Slice(_length, size);
        _length += size;
        return true;
    }

    private static void WriteHeader(Span<byte> packet, int count, RtcpPacketType type, int size)
    {
        packet[0] = (byte)((2 << 6) | count);
        packet[1] = (byte)type;
        // §6.4.1: length in 32-bit words minus one, so that zero is a valid header-only packet.
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((size / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, block.Ssrc);
            // Fraction (8 bits) and cumulative lost (signed 24 bits) share a word; clamp as §A.3 says.
            var lost = Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF);
            BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)block.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(destination[8..], block.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(destination[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], block.DelaySinceLastSenderReport);
            destination = destination[RtcpReportBlock.Length..];
        }
    }
}
