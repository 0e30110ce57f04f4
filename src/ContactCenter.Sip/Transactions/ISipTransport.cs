using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>What the transaction layer needs from the transport layer (RFC 3261 §18): hand a message to the network.</summary>
public interface ISipTransport
{
    /// <summary>Sends without blocking (a stream transport queues it; for a response on a reliable transport it uses the
    /// connection the request came on). False is a transport error (§17.1.4, §17.2.4): the transaction ends and the
    /// transaction user is told.</summary>
    bool TrySend(SipMessage message, SipEndPoint destination);
}
