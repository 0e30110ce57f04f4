using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5) with the Accepted state of RFC 6026 §7.2.</summary>
internal sealed class InviteClientTransaction : SipClientTransaction
{
    private TimeSpan _timerA;
    private SipRequest? _ack;

    public InviteClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint destination)
        : base(layer, key, request, destination, SipTransactionState.Calling)
    {
    }

    private protected override Notification StartLocked()
    {
        if (!Reliable)
        {
            _timerA = Options.T1;
            StartTimer(SipTimer.A, _timerA);
        }
        StartTimer(SipTimer.B, Options.TimeoutInterval);
        return SendLocked(Request, RemoteEndPoint);
    }

    private protected override Notification ReceiveLocked(SipResponse response)
    {
        switch (StateValue)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                StateValue = SipTransactionState.Proceeding;
                StopTimer(SipTimer.A);
                StopTimer(SipTimer.B);
                StartTimer(SipTimer.C, Options.InviteProceedingTimeout);
                return Notification.Response;
            case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                // RFC 6026: stay to pass 2xx retransmissions (from other forks too) to the user, who ACKs them.
                StateValue = SipTransactionState.Accepted;
                StopTimer(SipTimer.A);
                StopTimer(SipTimer.B);
                StopTimer(SipTimer.C);
                StartTimer(SipTimer.M, Options.TimeoutInterval);
                return Notification.Response;
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                StateValue = SipTransactionState.Completed;
                StopTimer(SipTimer.A);
                StopTimer(SipTimer.B);
                StopTimer(SipTimer.C);
                _ack = SipRequestFactory.CreateAckForFailure(Request, response);
                var sent = SendLocked(_ack, RemoteEndPoint);
                if (sent != Notification.None)
                {
                    return sent;
                }
                if (Reliable)
                {
                    TerminateLocked();
                }
                else
                {
                    StartTimer(SipTimer.D, Options.TimerD);
                }
                return Notification.Response;
            case SipTransactionState.Accepted when response.IsSuccess:
                return Notification.Response;
            case SipTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                // A retransmitted final response: our ACK was lost (§17.1.1.2).
                return SendLocked(_ack!, RemoteEndPoint);
            default:
                return Notification.None;
        }
    }

    private protected override Notification OnTimer(SipTimer timer)
    {
        switch (timer)
        {
            case SipTimer.A when StateValue == SipTransactionState.Calling:
                // INVITE retransmissions double without the T2 cap (§17.1.1.2).
                _timerA += _timerA;
                StartTimer(SipTimer.A, _timerA);
                return SendLocked(Request, RemoteEndPoint);
            case SipTimer.B when StateValue == SipTransactionState.Calling:
            case SipTimer.C when StateValue == SipTransactionState.Proceeding:
                TerminateLocked();
                return Notification.Timeout;
            case SipTimer.D or SipTimer.M:
                TerminateLocked();
                return Notification.None;
            default:
                return Notification.None;
        }
    }
}
