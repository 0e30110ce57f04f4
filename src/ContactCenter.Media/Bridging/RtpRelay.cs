using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Bridging;

/// <summary>Relays audio from one leg to another: payloads of the source leg's law are sent on the target session,
/// transcoded when the laws differ, and renumbered by the target's <see cref="RtpOutboundStream.NextRelayed"/> so the
/// far end sees one continuous stream whether it hears a prompt or the other party.</summary>
public static class RtpRelay
{
    private const int MaxFrame = 480;

    /// <summary>Forwards <paramref name="packet"/> if it is audio of <paramref name="from"/>'s payload type.</summary>
    /// <returns>Whether a packet was sent.</returns>
    public static bool Forward(RtpPacket packet, G711Codec from, G711Codec to, RtpSession target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var payload = packet.Payload;
        if (packet.Header.PayloadType != (byte)from || payload.IsEmpty || payload.Length > MaxFrame)
        {
            return false;
        }
        if (from == to)
        {
            return target.RelayAudio(packet.Header, payload);
        }
        Span<byte> converted = stackalloc byte[payload.Length];
        if (from == G711Codec.MuLaw)
        {
            G711Transcoder.MuLawToALaw(payload, converted);
        }
        else
        {
            G711Transcoder.ALawToMuLaw(payload, converted);
        }
        return target.RelayAudio(packet.Header, converted);
    }
}
