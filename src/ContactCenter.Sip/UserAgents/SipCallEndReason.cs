namespace ContactCenter.Sip.UserAgents;

/// <summary>Why a call ended.</summary>
public enum SipCallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalHangUp,

    /// <summary>The peer sent BYE.</summary>
    RemoteHangUp,

    /// <summary>The INVITE was cancelled before a final response (RFC 3261 §9): 487.</summary>
    Cancelled,

    /// <summary>The INVITE got (or was answered with) a failure response.</summary>
    Rejected,

    /// <summary>No final response, or no ACK for our 2xx within 64·T1 (§13.3.1.4).</summary>
    TimedOut,

    /// <summary>The transport could not deliver a message of the call.</summary>
    TransportFailed,
}
