using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>A server transaction (RFC 3261 §17.2): absorbs retransmitted requests, resends the last response and, on
/// unreliable transports, retransmits non-2xx final responses to INVITE until the ACK.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source, SipTransactionState initial)
        : base(layer, key, request, source, initial)
    {
        ResponseDestination = SipResponseRouting.GetResponseDestination(request.TopVia!, source);
    }

    /// <summary>Where responses go (§18.2.2, RFC 3581).</summary>
    public SipEndPoint ResponseDestination { get; }

    /// <summary>The last response sent; null before the first.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Sends a response built for <see cref="SipTransaction.Request"/> (see <see cref="SipResponseFactory"/>).
    /// Throws <see cref="InvalidOperationException"/> when the state allows no such response (a final response was
    /// already sent): that is a bug in the transaction user.</summary>
    public void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Notification notification;
        lock (Sync)
        {
            notification = SendResponseLocked(response);
        }
        Notify(notification);
    }

    /// <summary>A retransmission of the request (§17.2.3 matched it here).</summary>
    internal void ReceiveRetransmission()
    {
        Notification notification;
        lock (Sync)
        {
            notification = LastResponse is { } last && StateValue is not SipTransactionState.Terminated and not SipTransactionState.Confirmed
                ? ResendLocked(last)
                : Notification.None;
        }
        Notify(notification);
    }

    private protected abstract Notification SendResponseLocked(SipResponse response);

    /// <summary>What a retransmitted request gets in the current state.</summary>
    private protected virtual Notification ResendLocked(SipResponse last) => SendLocked(last, ResponseDestination);

    private protected InvalidOperationException WrongState(SipResponse response) =>
        new($"cannot send {response.StatusCode} in state {StateValue} of the {Request.Method} server transaction {Key.Branch}");
}
