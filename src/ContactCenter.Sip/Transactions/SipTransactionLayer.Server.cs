using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

public sealed partial class SipTransactionLayer
{
    private void ReceiveRequest(SipRequest request, SipEndPoint source)
    {
        SipResponseRouting.StampReceived(request, source);
        var key = ServerKey(request);
        if (request.Method == SipMethods.Ack)
        {
            SipServerTransaction? pending;
            lock (_lock)
            {
                _servers.TryGetValue(key, out pending);
            }
            if (pending is InviteServerTransaction invite && AckMatches(invite, request) && invite.ReceiveAck())
            {
                return;
            }
            User.OnAck(request, source);
            return;
        }
        SipServerTransaction? existing;
        SipServerTransaction? created = null;
        var merged = false;
        lock (_lock)
        {
            if (!_servers.TryGetValue(key, out existing))
            {
                created = request.Method == SipMethods.Invite
                    ? new InviteServerTransaction(this, key, request, source)
                    : new NonInviteServerTransaction(this, key, request, source);
                _servers.Add(key, created);
                if (request.To!.Tag is null)
                {
                    // §8.2.2.2: same From tag, Call-ID and CSeq as a pending request, but another transaction.
                    var merge = MergeKey.Of(request);
                    merged = Options.RejectMergedRequests && _pendingWithoutTag.TryGetValue(merge, out var other) && other != key;
                    if (!merged)
                    {
                        _pendingWithoutTag.TryAdd(merge, key);
                    }
                }
            }
        }
        if (existing is not null)
        {
            existing.ReceiveRetransmission();
            return;
        }
        if (merged)
        {
            created!.SendResponse(SipResponseFactory.CreateResponse(request, 482));
            return;
        }
        if (created is InviteServerTransaction inviteTransaction)
        {
            inviteTransaction.Start();
        }
        User.OnRequest(created!);
    }

    /// <summary>§17.2.3: branch + sent-by + method (ACK as INVITE) for RFC 3261 peers; for RFC 2543 peers the
    /// Request-URI, From tag, Call-ID, CSeq number and top Via.</summary>
    private static SipTransactionKey ServerKey(SipRequest request)
    {
        var via = request.TopVia!;
        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        if (via.HasRfc3261Branch)
        {
            return new SipTransactionKey(via.Branch!.ToLowerInvariant(), via.SentBy.ToLowerInvariant(), method);
        }
        return new SipTransactionKey(
            string.Join('|', "2543", request.RequestUri.ToString(), request.From!.Tag, request.CallId, request.CSeq!.Number, via.ToString()), "", method);
    }

    /// <summary>An RFC 2543 ACK must also carry the To tag of the response it acknowledges (§17.2.3).</summary>
    private static bool AckMatches(InviteServerTransaction transaction, SipRequest ack) =>
        transaction.Request.TopVia!.HasRfc3261Branch
        || string.Equals(transaction.LastResponse?.To?.Tag, ack.To?.Tag, StringComparison.Ordinal);

    /// <summary>The identity of a request for merge detection (§8.2.2.2).</summary>
    private readonly record struct MergeKey(string? FromTag, string? CallId, long Number, string Method)
    {
        public static MergeKey Of(SipRequest request) => new(request.From?.Tag, request.CallId, request.CSeq!.Number, request.Method);
    }
}
