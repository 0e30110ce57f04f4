using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>A parsed view over an RTP datagram (RFC 3550 §5.1). It does not copy: payload, CSRC list and extension
/// are slices of the buffer it was parsed from, so it lives no longer than that buffer.</summary>
public readonly ref struct RtpPacket
{
    private readonly ReadOnlySpan<byte> _csrcs;

    private RtpPacket(
        RtpHeader header,
        bool padding,
        ReadOnlySpan<byte> csrcs,
        bool hasExtension,
        ushort extensionProfile,
        ReadOnlySpan<byte> extension,
        ReadOnlySpan<byte> payload,
        int paddingLength)
    {
        Header = header;
        HasPadding = padding;
        _csrcs = csrcs;
        HasExtension = hasExtension;
        ExtensionProfile = extensionProfile;
        Extension = extension;
        Payload = payload;
        PaddingLength = paddingLength;
    }

    /// <summary>Marker, payload type, sequence number, timestamp and SSRC.</summary>
    public RtpHeader Header { get; }

    /// <summary>Whether the P bit was set.</summary>
    public bool HasPadding { get; }

    /// <summary>Number of padding octets removed from the end (0 without the P bit).</summary>
    public int PaddingLength { get; }

    /// <summary>Number of contributing sources.</summary>
    public int CsrcCount => _csrcs.Length / 4;

    /// <summary>Whether the X bit was set.</summary>
    public bool HasExtension { get; }

    /// <summary>The profile-defined 16 bits of the header extension (RFC 3550 §5.3.1); 0 without extension.</summary>
    public ushort ExtensionProfile { get; }

    /// <summary>The extension words after the extension header (empty without extension).</summary>
    public ReadOnlySpan<byte> Extension { get; }

    /// <summary>The payload, padding excluded.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The contributing source at <paramref name="index"/>.</summary>
    public uint GetCsrc(int index) => BinaryPrimitives.ReadUInt32BigEndian(_csrcs.Slice(index * 4, 4));

    /// <summary>Parses <paramref name="datagram"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet, out RtpParseError error)
    {
        packet = default;
        if (datagram.Length < RtpHeader.FixedLength)
        {
            error = RtpParseError.TooShort;
            return false;
        }
        var first = datagram[0];
        if (first >> 6 != RtpHeader.Version)
        {
            error = RtpParseError.UnsupportedVersion;
            return false;
        }
        var second = datagram[1];
        // RFC 5761 §4: RTCP SR..APP (200..204) seen through the RTP header layout are marker + PT 72..76.
        if (second is >= 200 and <= 204)
        {
            error = RtpParseError.RtcpPacket;
            return false;
        }
        var padding = (first & 0x20) != 0;
        var extension = (first & 0x10) != 0;
        var csrcCount = first & 0x0F;
        var offset = RtpHeader.FixedLength + (csrcCount * 4);
        if (datagram.Length < offset)
        {
            error = RtpParseError.TruncatedCsrcList;
            return false;
        }
        var csrcs = datagram[RtpHeader.FixedLength..offset];
        ushort profile = 0;
        var extensionData = ReadOnlySpan<byte>.Empty;
        if (extension)
        {
            if (datagram.Length < offset + 4)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
            profile = BinaryPrimitives.ReadUInt16BigEndian(datagram[offset..]);
            var words = BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]);
            offset += 4;
            if (datagram.Length < offset + (words * 4))
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
            extensionData = datagram.Slice(offset, words * 4);
            offset += words * 4;
        }
        var end = datagram.Length;
        var paddingLength = 0;
        if (padding)
        {
            // §5.1: the last octet counts the padding octets, itself included, so it cannot be zero.
            paddingLength = datagram[^1];
            if (paddingLength == 0 || paddingLength > end - offset)
            {
                error = RtpParseError.InvalidPadding;
                return false;
            }
            end -= paddingLength;
        }
        var header = new RtpHeader(
            (byte)(second & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            (second & 0x80) != 0);
        packet = new RtpPacket(header, padding, csrcs, extension, profile, extensionData, datagram[offset..end], paddingLength);
        error = RtpParseError.None;
        return true;
    }
}
