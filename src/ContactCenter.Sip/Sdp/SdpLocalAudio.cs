namespace ContactCenter.Sip.Sdp;

/// <summary>What we can and want to do with audio on one leg: where we receive RTP, which codecs we take (in order of
/// preference), DTMF, direction and the o= values.</summary>
public sealed record SdpLocalAudio
{
    /// <summary>The IPv4 or IPv6 address we receive RTP on.</summary>
    public required string Address { get; init; }

    /// <summary>The RTP port (even, RFC 3550 §11).</summary>
    public required int Port { get; init; }

    /// <summary>Audio codecs in order of preference. Default PCMU then PCMA.</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; init; } = [SdpCodec.Pcmu, SdpCodec.Pcma];

    /// <summary>Payload type for telephone-event in our offers; null to offer no RFC 4733 DTMF. Default 101.</summary>
    public int? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>What we want: sendrecv normally, sendonly to put the peer on hold, inactive for both. Default sendrecv.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>a=ptime we ask for, in ms; null to leave it out. Default 20.</summary>
    public int? Ptime { get; init; } = 20;

    /// <summary>o= session id. Default "0" (callers should set a random one per session).</summary>
    public string SessionId { get; init; } = "0";

    /// <summary>o= session version; must grow with each changed offer (RFC 3264 §8). Default "0".</summary>
    public string SessionVersion { get; init; } = "0";

    /// <summary>o= user name. Default "-".</summary>
    public string Username { get; init; } = "-";
}
