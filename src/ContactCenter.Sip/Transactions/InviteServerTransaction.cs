using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) with the Accepted state of RFC 6026 §7.1.</summary>
internal sealed class InviteServerTransaction : SipServerTransaction
{
    private TimeSpan _timerG;

    public InviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source)
        : base(layer, key, request, source, SipTransactionState.Proceeding)
    {
    }

    /// <summary>100 Trying now or after the delay, unless the user answers first (§17.2.1).</summary>
    internal void Start()
    {
        Notification notification = Notification.None;
        lock (Sync)
        {
            if (Options.TryingDelay == TimeSpan.Zero)
            {
                notification = SendTryingLocked();
            }
            else
            {
                StartTimer(SipTimer.Trying, Options.TryingDelay);
            }
        }
        Notify(notification);
    }

    /// <summary>The ACK for our non-2xx final response (§17.2.1); false when it is not ours to absorb.</summary>
    internal bool ReceiveAck()
    {
        lock (Sync)
        {
            switch (StateValue)
            {
                case SipTransactionState.Completed:
                    StateValue = SipTransactionState.Confirmed;
                    StopTimer(SipTimer.G);
                    StopTimer(SipTimer.H);
                    if (Reliable)
                    {
                        TerminateLocked();
                    }
                    else
                    {
                        StartTimer(SipTimer.I, Options.T4);
                    }
                    return true;
                case SipTransactionState.Confirmed:
                    return true;
                default:
                    // Accepted: the ACK of a 2xx is end to end and belongs to the user (RFC 6026 §7.1).
                    return false;
            }
        }
    }

    private protected override Notification SendResponseLocked(SipResponse response)
    {
        var isAccepted = StateValue == SipTransactionState.Accepted;
        if (StateValue != SipTransactionState.Proceeding && !(isAccepted && response.IsSuccess))
        {
            throw WrongState(response);
        }
        StopTimer(SipTimer.Trying);
        LastResponse = response;
        var sent = SendLocked(response, ResponseDestination);
        if (sent != Notification.None || response.IsProvisional || isAccepted)
        {
            return sent;
        }
        if (response.IsSuccess)
        {
            StateValue = SipTransactionState.Accepted;
            StartTimer(SipTimer.L, Options.TimeoutInterval);
            return Notification.None;
        }
        StateValue = SipTransactionState.Completed;
        if (!Reliable)
        {
            _timerG = Options.T1;
            StartTimer(SipTimer.G, _timerG);
        }
        StartTimer(SipTimer.H, Options.TimeoutInterval);
        return Notification.None;
    }

    private protected override Notification ResendLocked(SipResponse last) =>
        // In Accepted the user retransmits the 2xx itself (§13.3.1.4); the transaction only absorbs the INVITE.
        StateValue == SipTransactionState.Accepted ? Notification.None : base.ResendLocked(last);

    private protected override Notification OnTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.Trying when StateValue == SipTransactionState.Proceeding && LastResponse is null:
                return SendTryingLocked();
            case SipTimer.G when StateValue == SipTransactionState.Completed:
                _timerG = TimeSpan.FromTicks(Math.Min((_timerG + _timerG).Ticks, Options.T2.Ticks));
                StartTimer(SipTimer.G, _timerG);
                return SendLocked(LastResponse!, ResponseDestination);
            case SipTimer.H when StateValue == SipTransactionState.Completed:
                TerminateLocked();
                return Notification.Timeout;
            case SipTimer.I or SipTimer.L:
                TerminateLocked();
                return Notification.None;
            default:
                return Notification.None;
        }
    }

    private Notification SendTryingLocked()
    {
        var trying = SipResponseFactory.CreateResponse(Request, 100);
        LastResponse = trying;
        return SendLocked(trying, ResponseDestination);
    }
}
