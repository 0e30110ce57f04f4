namespace ContactCenter.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 (Figures 5–8) with the Accepted state of RFC 6026.</summary>
public enum SipTransactionState
{
    /// <summary>Client INVITE: request sent, nothing received.</summary>
    Calling,

    /// <summary>Non-INVITE: request sent or received, no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received or sent.</summary>
    Proceeding,

    /// <summary>A non-2xx final response (INVITE) or any final response (non-INVITE) was received or sent.</summary>
    Completed,

    /// <summary>Server INVITE: the ACK for a non-2xx final response arrived.</summary>
    Confirmed,

    /// <summary>INVITE: a 2xx was sent or received; retransmissions are absorbed or passed up (RFC 6026).</summary>
    Accepted,

    /// <summary>Gone.</summary>
    Terminated,
}
