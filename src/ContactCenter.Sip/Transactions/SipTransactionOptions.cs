namespace ContactCenter.Sip.Transactions;

/// <summary>Transaction timers (RFC 3261 §17, Table 4) and behaviour switches.</summary>
public sealed class SipTransactionOptions
{
    /// <summary>T1, the RTT estimate. Default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>T2, the longest retransmit interval for non-INVITE requests and INVITE responses. Default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>T4, the longest time a message stays in the network. Default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D on unreliable transports (at least 32 s). Default 32 s.</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>How long an INVITE server transaction waits for the user's first response before sending 100 Trying
    /// itself (§17.2.1); zero sends it at once. Default 200 ms.</summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long an INVITE client transaction stays in Proceeding without a final response, restarted by each
    /// provisional (Timer C of §16.6, applied to the UA as a safeguard: RFC 3261 gives the Proceeding state no timer,
    /// so a peer that rings forever would pin the transaction). On expiry the user hears a timeout and should CANCEL.
    /// Default 3 minutes (more than the 3 minutes §16.6 asks of Timer C would only delay cleanup).</summary>
    public TimeSpan InviteProceedingTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Whether a request without To tag that repeats the From tag, Call-ID and CSeq of a pending request but
    /// arrived on another branch (a fork that merged back, §8.2.2.2) gets 482 Loop Detected. Default true.</summary>
    public bool RejectMergedRequests { get; init; } = true;

    /// <summary>64·T1: timers B, F, H, J (unreliable), L and M.</summary>
    public TimeSpan TimeoutInterval => T1 * 64;

    /// <summary>Fails fast on values that would break the timers.</summary>
    public void Validate()
    {
        if (T1 <= TimeSpan.Zero || T2 < T1 || T4 <= TimeSpan.Zero || TimerD < TimeSpan.Zero || TryingDelay < TimeSpan.Zero || InviteProceedingTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP timers need T1 > 0, T2 >= T1, T4 > 0, Timer D >= 0, TryingDelay >= 0 and InviteProceedingTimeout > 0");
        }
    }
}
