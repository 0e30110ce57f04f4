namespace ContactCenter.Sip.Sdp;

/// <summary>The outcome of offer/answer for the audio stream, from our side.</summary>
/// <param name="RemoteAddress">Where to send RTP; null when the peer asked not to receive (c=0.0.0.0 legacy hold).</param>
/// <param name="RemotePort">The peer's RTP port.</param>
/// <param name="Codec">The audio codec both sides use, with the payload type of the peer's description.</param>
/// <param name="TelephoneEventPayloadType">The RFC 4733 payload type both sides accepted; null when DTMF events are off.</param>
/// <param name="Direction">What we do: send and/or receive.</param>
/// <param name="Ptime">The packet time the peer asked for, in ms; null when unspecified.</param>
public sealed record SdpNegotiatedAudio(
    string? RemoteAddress, int RemotePort, SdpCodec Codec, int? TelephoneEventPayloadType, SdpDirection Direction, int? Ptime)
{
    /// <summary>Whether we send RTP.</summary>
    public bool Sends => RemoteAddress is not null && Direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>Whether we receive RTP.</summary>
    public bool Receives => Direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;
}
