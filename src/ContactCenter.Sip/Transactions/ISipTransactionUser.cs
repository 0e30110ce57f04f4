using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The transaction user (UA core, B2BUA) as the transaction layer sees it. Calls come on the thread that
/// delivered the message or fired the timer, never under a transaction's lock, so the user may call back into the
/// layer (e.g. answer from <see cref="OnRequest"/>).</summary>
public interface ISipTransactionUser
{
    /// <summary>A new request created a server transaction; answer through <see cref="SipServerTransaction.SendResponse"/>.</summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>An ACK that belongs to no INVITE server transaction awaiting one: the ACK for a 2xx (§13.3.1.4), to be
    /// matched to its dialog.</summary>
    void OnAck(SipRequest ack, SipEndPoint source);

    /// <summary>A response for a client transaction (retransmitted 2xx included, RFC 6026 §7.2).</summary>
    void OnResponse(SipClientTransaction transaction, SipResponse response);

    /// <summary>A response that matches no client transaction (§17.1.3): a late 2xx retransmission or a stray.</summary>
    void OnStrayResponse(SipResponse response, SipEndPoint source);

    /// <summary>Timer B or F fired (no final response: the request timed out, treat as 408), the INVITE proceeding
    /// timeout fired (CANCEL it), or Timer H fired (the ACK for our final response never came).</summary>
    void OnTimeout(SipTransaction transaction);

    /// <summary>The transport refused a message of this transaction (§17.1.4, §17.2.4); the transaction has ended.</summary>
    void OnTransportError(SipTransaction transaction);
}
