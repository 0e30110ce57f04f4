using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>A client transaction (RFC 3261 §17.1): sends the request, retransmits it on unreliable transports and
/// passes responses to the transaction user.</summary>
public abstract class SipClientTransaction : SipTransaction
{
    private protected SipClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint destination, SipTransactionState initial)
        : base(layer, key, request, destination, initial)
    {
    }

    /// <summary>Sends the request for the first time and starts the timers.</summary>
    internal void Start()
    {
        Notification notification;
        lock (Sync)
        {
            notification = StartLocked();
        }
        Notify(notification);
    }

    /// <summary>A response whose branch and CSeq method match (§17.1.3).</summary>
    internal void Receive(SipResponse response)
    {
        Notification notification;
        lock (Sync)
        {
            notification = ReceiveLocked(response);
        }
        Notify(notification, response);
    }

    private protected abstract Notification StartLocked();

    private protected abstract Notification ReceiveLocked(SipResponse response);
}
