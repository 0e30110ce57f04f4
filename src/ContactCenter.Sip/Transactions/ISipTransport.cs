using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>What the transaction layer needs from the transport layer (RFC 3261 §18): hand a message to the network.</summary>
public interface ISipTransport
{
    /// <summary>Sends without blocking (a stream transport queues it; for a response on a reliable transport it uses the
    /// connection the request came on). False is a transport error (§17.1.4, §17.2.4): the transaction ends and the
    /// transaction user is told.</summary>
    bool TrySend(SipMessage message, SipEndPoint destination);

    /// <summary>Like <see cref="TrySend(SipMessage, SipEndPoint)"/>; when the message was queued but then could not be
    /// sent (a TCP/TLS connect refused or timed out, the connection lost before it was written),
    /// <paramref name="onFailure"/> is called once, later, on a transport thread (RFC 3261 §17.1.1.2, §17.1.2.2: the
    /// transport layer indicates a failure). A false return is reported by the return value only.</summary>
    bool TrySend(SipMessage message, SipEndPoint destination, Action? onFailure) => TrySend(message, destination);

    /// <summary>Chooses where a new request goes before its transaction starts; may rewrite the top Via's transport
    /// (RFC 3261 §18.1.1: a large request meant for UDP goes over TCP). The default keeps the destination.</summary>
    SipEndPoint PrepareRequest(SipRequest request, SipEndPoint destination) => destination;
}
