using System.Globalization;
using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Host.Telephony;

/// <summary>The glue between SDP (ContactCenter.Sip) and media legs (ContactCenter.Media): what a leg offers or
/// answers, and what a negotiated stream means for the leg.</summary>
internal static class FrontEndSdp
{
    /// <summary>What a leg on <paramref name="port"/> receives; <paramref name="codecs"/> in order of preference
    /// (default PCMU then PCMA), telephone-event on 101.</summary>
    public static SdpLocalAudio LocalAudio(string address, int port, IReadOnlyList<SdpCodec>? codecs = null) => new()
    {
        Address = address,
        Port = port,
        Codecs = codecs ?? [SdpCodec.Pcmu, SdpCodec.Pcma],
        SessionId = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        SessionVersion = "1",
    };

    /// <summary>The G.711 law of a negotiated codec; null for anything else.</summary>
    public static G711Codec? LawOf(SdpCodec codec) =>
        codec.EncodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase) ? G711Codec.MuLaw
        : codec.EncodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase) ? G711Codec.ALaw
        : null;

    /// <summary>The SDP codec of a law.</summary>
    public static SdpCodec CodecOf(G711Codec law) => law == G711Codec.ALaw ? SdpCodec.Pcma : SdpCodec.Pcmu;

    /// <summary>Points the leg at the peer's RTP address; a peer that asked not to receive (legacy hold) keeps the
    /// latched or previous address.</summary>
    public static void Apply(MediaLeg leg, SdpNegotiatedAudio audio)
    {
        if (audio.RemoteAddress is { } host && IPAddress.TryParse(host, out var address))
        {
            leg.SetRemote(new IPEndPoint(address, audio.RemotePort));
        }
    }

    /// <summary>The telephone-event payload type as the media engine takes it.</summary>
    public static byte? TelephoneEvent(SdpNegotiatedAudio audio) =>
        audio.TelephoneEventPayloadType is { } pt and >= 96 and <= 127 ? (byte)pt : null;
}
