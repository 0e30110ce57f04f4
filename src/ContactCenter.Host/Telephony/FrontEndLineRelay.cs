using ContactCenter.Media.Bridging;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>A call of another front end relayed into a persistent line this front end holds: that front end's INVITE
/// (its agent leg for the call, answered at once) bridged with the line's media. The other front end plays the offer
/// tone and the call's audio through it; this one only bridges, passes the accept key on to the call grain, and gives
/// the line back when the relay ends. Guarded by the line's lock.</summary>
internal sealed class FrontEndLineRelay(string callId, SipIncomingCall sip, MediaLeg media)
{
    /// <summary>The call grain's key, from the INVITE's <see cref="FrontEndCalls.RelayCallHeader"/>.</summary>
    public string CallId { get; } = callId;

    /// <summary>The other front end's INVITE.</summary>
    public SipIncomingCall Sip { get; } = sip;

    /// <summary>Our media leg towards the other front end.</summary>
    public MediaLeg Media { get; } = media;

    /// <summary>The bridge of <see cref="Media"/> with the line's media; null until bridged and once ended.</summary>
    public MediaBridge? Bridge { get; set; }
}
