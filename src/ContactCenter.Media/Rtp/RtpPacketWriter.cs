using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>Serialises RTP packets (RFC 3550 §5.1) into caller-provided buffers.</summary>
public static class RtpPacketWriter
{
    /// <summary>The number of bytes <see cref="TryWrite"/> needs for these parts.</summary>
    public static int GetLength(int payloadLength, int csrcCount = 0, int extensionLength = -1, int paddingLength = 0) =>
        RtpHeader.FixedLength + (csrcCount * 4) + (extensionLength < 0 ? 0 : 4 + extensionLength) + payloadLength + paddingLength;

    /// <summary>Writes a packet with just the fixed header and <paramref name="payload"/>, the shape of every audio
    /// packet this engine sends.</summary>
    /// <returns>The number of bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    public static int Write(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var length = RtpHeader.FixedLength + payload.Length;
        if (destination.Length < length)
        {
            return -1;
        }
        WriteFixed(destination, header, padding: false, extension: false, csrcCount: 0);
        payload.CopyTo(destination[RtpHeader.FixedLength..]);
        return length;
    }

    /// <summary>Writes a packet with the optional parts: CSRC list, header extension (profile word and data whose length
    /// is a multiple of four) and padding.</summary>
    /// <param name="destination">Output buffer.</param>
    /// <param name="header">Fixed header fields.</param>
    /// <param name="payload">Payload octets.</param>
    /// <param name="csrcs">Up to 15 contributing sources.</param>
    /// <param name="extensionProfile">Profile-defined word of the extension, used when <paramref name="hasExtension"/>.</param>
    /// <param name="extension">Extension data, a multiple of four octets.</param>
    /// <param name="hasExtension">Whether to set the X bit and write the extension.</param>
    /// <param name="paddingLength">0 for none, else 1..255 padding octets (the last one holds the count).</param>
    /// <param name="written">Bytes written.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentOutOfRangeException">More than 15 CSRCs, an extension not a multiple of four octets,
    /// or padding outside 0..255.</exception>
    public static bool TryWrite(
        Span<byte> destination,
        in RtpHeader header,
        ReadOnlySpan<byte> payload,
        ReadOnlySpan<uint> csrcs,
        ushort extensionProfile,
        ReadOnlySpan<byte> extension,
        bool hasExtension,
        int paddingLength,
        out int written)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, 15, nameof(csrcs));
        ArgumentOutOfRangeException.ThrowIfNotEqual(extension.Length % 4, 0, nameof(extension));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extension.Length / 4, ushort.MaxValue, nameof(extension));
        ArgumentOutOfRangeException.ThrowIfNegative(paddingLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paddingLength, 255);
        written = GetLength(payload.Length, csrcs.Length, hasExtension ? extension.Length : -1, paddingLength);
        if (destination.Length < written)
        {
            written = 0;
            return false;
        }
        WriteFixed(destination, header, paddingLength > 0, hasExtension, csrcs.Length);
        var offset = RtpHeader.FixedLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }
        if (hasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Length / 4));
            extension.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Length;
        }
        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (paddingLength > 0)
        {
            destination.Slice(offset, paddingLength - 1).Clear();
            destination[offset + paddingLength - 1] = (byte)paddingLength;
        }
        return true;
    }

    private static void WriteFixed(Span<byte> destination, in RtpHeader header, bool padding, bool extension, int csrcCount)
    {
        destination[0] = (byte)((RtpHeader.Version << 6) | (padding ? 0x20 : 0) | (extension ? 0x10 : 0) | csrcCount);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | (header.PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
    }
}
