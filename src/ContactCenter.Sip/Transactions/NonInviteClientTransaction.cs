using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6).</summary>
internal sealed class NonInviteClientTransaction : SipClientTransaction
{
    private TimeSpan _timerE;

    public NonInviteClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint destination)
        : base(layer, key, request, destination, SipTransactionState.Trying)
    {
    }

    private protected override Notification StartLocked()
    {
        if (!Reliable)
        {
            _timerE = Options.T1;
            StartTimer(SipTimer.E, _timerE);
        }
        StartTimer(SipTimer.F, Options.TimeoutInterval);
        return SendLocked(Request, RemoteEndPoint);
    }

    private protected override Notification ReceiveLocked(SipResponse response)
    {
        if (StateValue is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return Notification.None;
        }
        if (response.IsProvisional)
        {
            StateValue = SipTransactionState.Proceeding;
            return Notification.Response;
        }
        StateValue = SipTransactionState.Completed;
        StopTimer(SipTimer.E);
        StopTimer(SipTimer.F);
        if (Reliable)
        {
            TerminateLocked();
        }
        else
        {
            StartTimer(SipTimer.K, Options.T4);
        }
        return Notification.Response;
    }

    private protected override Notification OnTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.E when StateValue is SipTransactionState.Trying or SipTransactionState.Proceeding:
                // Trying: back off up to T2; Proceeding: every T2 (§17.1.2.2).
                _timerE = StateValue == SipTransactionState.Proceeding ? Options.T2 : TimeSpan.FromTicks(Math.Min((_timerE + _timerE).Ticks, Options.T2.Ticks));
                StartTimer(SipTimer.E, _timerE);
                return SendLocked(Request, RemoteEndPoint);
            case SipTimer.F when StateValue is SipTransactionState.Trying or SipTransactionState.Proceeding:
                TerminateLocked();
                return Notification.Timeout;
            case SipTimer.K:
                TerminateLocked();
                return Notification.None;
            default:
                return Notification.None;
        }
    }
}
