namespace ContactCenter.Sip.UserAgents;

/// <summary>What the application (an IVR, the B2BUA front end, a test) plugs into <see cref="SipUserAgent"/> to
/// decide about calls. Calls come on a transport thread; a handler may answer at once or later from any thread.</summary>
public interface ISipCallHandler
{
    /// <summary>A new INVITE (outside any dialog) passed the overload check. 100 Trying is the transaction layer's;
    /// answer with <see cref="SipIncomingCall.Ring"/>, <see cref="SipIncomingCall.Accept"/> or
    /// <see cref="SipIncomingCall.Reject"/>. An exception here answers 500.</summary>
    void OnIncomingCall(SipIncomingCall call);

    /// <summary>A call is established: the ACK for our 2xx arrived (UAS) or we sent the ACK for a 2xx (UAC).</summary>
    void OnCallEstablished(SipCall call)
    {
    }

    /// <summary>A call ended, for <paramref name="reason"/>.</summary>
    void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
    }
}
