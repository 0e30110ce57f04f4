namespace ContactCenter.Sip.UserAgents;

/// <summary>What the application (an IVR, the B2BUA front end, a test) plugs into <see cref="SipUserAgent"/> to
/// decide about calls. Calls come on a transport thread; a handler may answer at once or later from any thread.</summary>
public interface ISipCallHandler
{
    /// <summary>A new INVITE (outside any dialog) passed the overload check; with a Replaces header it names a call
    /// of ours (<see cref="SipIncomingCall.ReplacedCall"/>, RFC 3891) — one that matches none got 481 already. 100 Trying is the transaction layer's;
    /// answer with <see cref="SipIncomingCall.Ring"/>, <see cref="SipIncomingCall.Accept"/> or
    /// <see cref="SipIncomingCall.Reject"/>. An exception here answers 500.</summary>
    void OnIncomingCall(SipIncomingCall call);

    /// <summary>A call is established: the ACK for our 2xx arrived (UAS) or we sent the ACK for a 2xx (UAC).</summary>
    void OnCallEstablished(SipCall call)
    {
    }

    /// <summary>The peer sent a re-INVITE in an established call (RFC 3261 §14.2): answer with
    /// <see cref="SipReOffer.Accept"/> or <see cref="SipReOffer.Reject"/>, now or later. The default answers from the
    /// call's current local SDP with the offer's direction mirrored (RFC 3264 §6.1: sendonly → recvonly, inactive →
    /// inactive, sendrecv → sendrecv). An exception here answers 500.</summary>
    void OnReOffer(SipCall call, SipReOffer offer) => offer.AcceptMirrored();

    /// <summary>The peer asked us to transfer (REFER, RFC 3515): <see cref="SipTransferRequest.Accept"/> answers 202
    /// and raises <see cref="SipCall.TransferRequested"/>; <see cref="SipTransferRequest.Reject"/> refuses. The
    /// default refuses with 603 Decline. An exception here answers 500.</summary>
    void OnTransferRequested(SipCall call, SipTransferRequest transfer) => transfer.Reject();

    /// <summary>A call ended, for <paramref name="reason"/>.</summary>
    void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
    }
}
