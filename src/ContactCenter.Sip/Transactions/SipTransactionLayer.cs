using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>Creates, matches and forgets transactions (RFC 3261 §17). Messages from the transport go to
/// <see cref="Receive"/>; requests from the user go out through <see cref="SendRequest"/>. Thread-safe.</summary>
public sealed partial class SipTransactionLayer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SipTransactionKey, SipClientTransaction> _clients = [];
    private readonly Dictionary<SipTransactionKey, SipServerTransaction> _servers = [];
    private readonly Dictionary<MergeKey, SipTransactionKey> _pendingWithoutTag = [];

    /// <summary>Creates a layer over a transport, for one transaction user, on the given clock.</summary>
    public SipTransactionLayer(ISipTransport transport, ISipTransactionUser user, TimeProvider time, SipTransactionOptions? options = null)
    {
        Transport = transport;
        User = user;
        Time = time;
        Options = options ?? new SipTransactionOptions();
        Options.Validate();
    }

    /// <summary>Client transactions not yet terminated.</summary>
    public int ClientTransactionCount
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Server transactions not yet terminated.</summary>
    public int ServerTransactionCount
    {
        get
        {
            lock (_lock)
            {
                return _servers.Count;
            }
        }
    }

    internal ISipTransport Transport { get; }

    internal ISipTransactionUser User { get; }

    internal TimeProvider Time { get; }

    internal SipTransactionOptions Options { get; }

    /// <summary>Starts a client transaction for <paramref name="request"/>, whose top Via must carry a unique RFC 3261
    /// branch (<see cref="SipIdentifiers.NewBranch"/>). ACK is not sent through a transaction (§17.1.1.3, §13.2.2.4).
    /// <paramref name="userState"/> becomes <see cref="SipTransaction.UserState"/> before the request goes out, so a
    /// response racing back on another thread already finds it.</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination, object? userState = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Ack)
        {
            throw new ArgumentException("ACK has no client transaction; send the ACK for a 2xx through the transport", nameof(request));
        }
        if (request.TopVia is not { HasRfc3261Branch: true } via)
        {
            throw new ArgumentException("the request needs a top Via with a z9hG4bK branch", nameof(request));
        }
        var key = new SipTransactionKey(via.Branch!.ToLowerInvariant(), "", request.Method);
        // §18.1.1: the transport may move a large request from UDP to TCP; the transaction then runs as a reliable one.
        destination = Transport.PrepareRequest(request, destination);
        SipClientTransaction transaction = request.Method == SipMethods.Invite
            ? new InviteClientTransaction(this, key, request, destination)
            : new NonInviteClientTransaction(this, key, request, destination);
        transaction.UserState = userState;
        lock (_lock)
        {
            if (!_clients.TryAdd(key, transaction))
            {
                throw new InvalidOperationException($"a {request.Method} client transaction with branch {via.Branch} already exists");
            }
        }
        transaction.Start();
        return transaction;
    }

    /// <summary>Takes a message that parsed (see <see cref="Parsing.SipMessageParser"/>) from the transport.</summary>
    public void Receive(SipMessage message, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is SipRequest request)
        {
            ReceiveRequest(request, source);
        }
        else
        {
            ReceiveResponse((SipResponse)message, source);
        }
    }

    /// <summary>The INVITE server transaction a CANCEL refers to (§9.2: same key except the method); null when none.</summary>
    public SipServerTransaction? FindInviteServerTransaction(SipRequest cancel)
    {
        var key = ServerKey(cancel) with { Method = SipMethods.Invite };
        lock (_lock)
        {
            return _servers.TryGetValue(key, out var transaction) ? transaction : null;
        }
    }

    internal void Remove(SipTransaction transaction)
    {
        lock (_lock)
        {
            if (transaction is SipClientTransaction client)
            {
                _clients.Remove(client.Key);
                return;
            }
            _servers.Remove(transaction.Key);
            var merge = MergeKey.Of(transaction.Request);
            if (_pendingWithoutTag.TryGetValue(merge, out var key) && key == transaction.Key)
            {
                _pendingWithoutTag.Remove(merge);
            }
        }
    }

    private void ReceiveResponse(SipResponse response, SipEndPoint source)
    {
        SipClientTransaction? transaction = null;
        if (response.TopVia?.Branch is { } branch && response.CSeq is { } cseq)
        {
            lock (_lock)
            {
                _clients.TryGetValue(new SipTransactionKey(branch.ToLowerInvariant(), "", cseq.Method), out transaction);
            }
        }
        if (transaction is null)
        {
            User.OnStrayResponse(response, source);
            return;
        }
        transaction.Receive(response);
    }
}
