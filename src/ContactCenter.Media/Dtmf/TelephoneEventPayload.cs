using System.Buffers.Binary;

namespace ContactCenter.Media.Dtmf;

/// <summary>The payload of an RFC 4733 telephone-event packet (§2.3): event code, end bit, volume and duration.</summary>
/// <param name="Event">Event code; 0–15 are DTMF.</param>
/// <param name="End">The E bit: this is one of the final packets of the event.</param>
/// <param name="Volume">Power level in -dBm0, 0–63 (§2.3.4); DTMF is sent at 0–36.</param>
/// <param name="Duration">Duration of the event (segment) so far, in timestamp units, measured from the packet
/// timestamp (§2.3.5).</param>
public readonly record struct TelephoneEventPayload(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Encoded size.</summary>
    public const int Length = 4;

    /// <summary>Parses the first event of <paramref name="payload"/> (RFC 2198 redundancy is not used here).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEventPayload result)
    {
        if (payload.Length < Length)
        {
            result = default;
            return false;
        }
        // Octet 1: E bit, R bit (reserved, ignored on receipt), 6-bit volume.
        result = new TelephoneEventPayload(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the four payload octets.</summary>
    /// <exception cref="ArgumentException">Destination shorter than four octets.</exception>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("A telephone-event payload is four octets.", nameof(destination));
        }
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
