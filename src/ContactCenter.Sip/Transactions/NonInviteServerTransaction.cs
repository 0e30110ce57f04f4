using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8).</summary>
internal sealed class NonInviteServerTransaction : SipServerTransaction
{
    public NonInviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source)
        : base(layer, key, request, source, SipTransactionState.Trying)
    {
    }

    private protected override Notification SendResponseLocked(SipResponse response)
    {
        if (StateValue is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            throw WrongState(response);
        }
        LastResponse = response;
        var sent = SendLocked(response, ResponseDestination);
        if (sent != Notification.None)
        {
            return sent;
        }
        if (response.IsProvisional)
        {
            StateValue = SipTransactionState.Proceeding;
            return Notification.None;
        }
        StateValue = SipTransactionState.Completed;
        if (Reliable)
        {
            TerminateLocked();
        }
        else
        {
            StartTimer(SipTimer.J, Options.TimeoutInterval);
        }
        return Notification.None;
    }

    private protected override Notification OnTimer(SipTimer timer)
    {
        if (timer == SipTimer.J)
        {
            TerminateLocked();
        }
        return Notification.None;
    }
}
