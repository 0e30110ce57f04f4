using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>One agent's leg of a call: the INVITE to the agent's phone and its media leg. Created when the grain asks
/// to ring the agent, before the phone is looked up, so a drop that comes while the lookup runs is not lost. Guarded by
/// its call's lock.</summary>
internal sealed class FrontEndAgentLeg(string agentId)
{
    public string AgentId { get; } = agentId;

    /// <summary>The INVITE to the phone; null while the phone is looked up.</summary>
    public SipOutgoingCall? Sip { get; set; }

    /// <summary>The leg's media; null while the phone is looked up.</summary>
    public MediaLeg? Media { get; set; }

    /// <summary>Our offer in the INVITE (to read the answer against).</summary>
    public SdpSession? Offer { get; set; }

    /// <summary>The phone's own INVITE when the agent placed the call from the phone (no <see cref="Sip"/> of ours then):
    /// it gets 180 while the far end rings, 200 with <see cref="PlacedAnswer"/> when the call connects, and
    /// <see cref="PlacedRejectStatus"/> when it ends before. Null for a leg the front end rang.</summary>
    public SipIncomingCall? Placed { get; init; }

    /// <summary>Our SDP answer to the phone's offer, sent in the 200 to <see cref="Placed"/>.</summary>
    public byte[] PlacedAnswer { get; init; } = [];

    /// <summary>The status <see cref="Placed"/> is refused with if the call ends before it connects (the far end's
    /// failure, when there was one).</summary>
    public int PlacedRejectStatus { get; set; } = 480;

    /// <summary>The phone answered and the media flows.</summary>
    public bool Answered { get; set; }

    /// <summary>The grain dropped the leg (or hung up the call): its outcome is no longer reported.</summary>
    public bool Dropped { get; set; }

    /// <summary>Our ring timeout cancelled it: a 487 then means no answer.</summary>
    public bool RangOut { get; set; }

    /// <summary>The agent's persistent line the leg runs on (its <see cref="Media"/> is the line's, and there is no
    /// <see cref="Sip"/> of its own): ending the leg gives the line back instead of hanging it up. Null for a leg rung per
    /// call.</summary>
    public FrontEndLine? Line { get; set; }

    /// <summary>The INVITE asked the phone to answer by itself (the profile's
    /// <see cref="Contracts.Configuration.AgentProfile.AutoAnswer"/>): its own answer only opens the audio, and the leg
    /// is reported answered when the workspace answers.</summary>
    public bool AutoAnswer { get; set; }

    /// <summary>The agent answered in the workspace (<see cref="Contracts.Calls.Media.ICallMedia.AnswerAgentAsync"/>),
    /// perhaps before the phone or the line was up.</summary>
    public bool Accepted { get; set; }

    /// <summary>The phone answered by itself and the media flows, but the agent has not accepted yet: the answer is
    /// reported to the grain when the workspace accepts.</summary>
    public bool AwaitingAccept { get; set; }

    private SipTransferRequest? _phoneTransfer;

    /// <summary>Notes the transfer the agent's phone asked for (REFER); false when one is pending already.</summary>
    public bool TryStartPhoneTransfer(SipTransferRequest transfer) => Interlocked.CompareExchange(ref _phoneTransfer, transfer, null) is null;

    /// <summary>Takes the pending phone transfer (null when there is none), so that its outcome is told once.</summary>
    public SipTransferRequest? TakePhoneTransfer() => Interlocked.Exchange(ref _phoneTransfer, null);
}
