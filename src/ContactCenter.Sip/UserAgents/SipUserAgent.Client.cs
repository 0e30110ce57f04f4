using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public sealed partial class SipUserAgent
{
    private static readonly HashSet<string> UriHeaderForbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.Route, SipHeaderNames.RecordRoute, SipHeaderNames.Contact, SipHeaderNames.MaxForwards,
        SipHeaderNames.ContentLength, SipHeaderNames.ContentType, "body",
    };

    /// <summary>A request outside any dialog (§8.1.1): To is the Request-URI, From ours with a new tag, a new Call-ID,
    /// CSeq 1, Max-Forwards 70. Via and Contact are added when it is sent.</summary>
    public SipRequest CreateRequest(string method, SipUri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var request = new SipRequest(method, requestUri.WithoutHeaders(), new SipHeaderCollection(10));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.To, new NameAddress(requestUri.WithoutHeaders()).ToString());
        request.Headers.Add(SipHeaderNames.From, new NameAddress(new SipUri(SipUriScheme.Sip, _options.UserName, AnyLocalHost())).WithTag(SipIdentifiers.NewTag()).ToString());
        request.Headers.Add(SipHeaderNames.CallId, SipIdentifiers.NewCallId());
        request.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(1, method).ToString());
        // §19.1.5: headers in the URI become headers of the request (a Refer-To's Replaces, RFC 3891 §3), except
        // those that would break the request.
        foreach (var header in SipUriHeaders.Parse(requestUri))
        {
            var name = SipHeaderNames.Canonicalize(header.Key);
            if (!UriHeaderForbidden.Contains(name))
            {
                request.Headers.Add(name, header.Value);
            }
        }
        return request;
    }

    /// <summary>Sends <paramref name="request"/> in a client transaction and completes with its final response (408
    /// made up locally on timeout, 503 on transport failure). A top Via with a new branch is added unless the request
    /// has one (a CANCEL); target refresh requests get our Contact.</summary>
    public Task<SipResponse> SendRequestAsync(SipRequest request, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        var pending = new SipPendingRequest();
        Prepare(request, destination.Transport);
        Transactions.SendRequest(request, destination, pending);
        return pending.Final;
    }

    /// <summary>Places a call: an INVITE to <paramref name="requestUri"/> via <paramref name="destination"/> with the
    /// SDP offer <paramref name="offer"/>.</summary>
    public SipOutgoingCall Invite(SipUri requestUri, SipEndPoint destination, ReadOnlyMemory<byte> offer, string contentType = "application/sdp")
    {
        var invite = CreateRequest(SipMethods.Invite, requestUri);
        if (!offer.IsEmpty)
        {
            invite.Headers.Add(SipHeaderNames.ContentType, contentType);
            invite.Body = offer;
        }
        Prepare(invite, destination.Transport);
        var call = new SipOutgoingCall(this, invite, destination);
        Transactions.SendRequest(invite, destination, call);
        return call;
    }

    /// <summary>Places a call with an INVITE built by the caller — from <see cref="CreateRequest"/> with headers of its
    /// own (a From with a caller id), or a retry with credentials after a 401/407 (same Call-ID and From tag, CSeq + 1,
    /// §22.2).</summary>
    public SipOutgoingCall SendInvite(SipRequest invite, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(destination);
        if (invite.Method != SipMethods.Invite)
        {
            throw new ArgumentException($"a {invite.Method} is not an INVITE", nameof(invite));
        }
        Prepare(invite, destination.Transport);
        var call = new SipOutgoingCall(this, invite, destination);
        Transactions.SendRequest(invite, destination, call);
        return call;
    }

    /// <summary>Sends a request with its own user state (a re-INVITE) in a client transaction.</summary>
    internal void SendWithState(SipRequest request, SipEndPoint destination, object userState)
    {
        Prepare(request, destination.Transport);
        Transactions.SendRequest(request, destination, userState);
    }

    internal void SendCancel(SipOutgoingCall call)
    {
        var cancel = SipRequestFactory.CreateCancel(call.Invite);
        Transactions.SendRequest(cancel, call.Peer, new SipPendingRequest());
    }

    /// <summary>The ACK for a 2xx travels outside any transaction (§13.2.2.4, §17.1.1.3).</summary>
    internal void SendAck(SipRequest ack, SipEndPoint destination) => _transport.TrySend(ack, destination);

    internal void AddVia(SipRequest request, SipTransportKind transport)
    {
        var local = Local(transport);
        var via = new ViaHeader(transport.ToString().ToUpperInvariant(), local.Host, local.Port, SipParameters.Empty.With("branch", SipIdentifiers.NewBranch()).With("rport", null));
        request.Headers.AddFirst(SipHeaderNames.Via, via.ToString());
    }

    /// <summary>Our Contact for a transport: <c>sip:user@host:port</c>, with <c>;transport=</c> for TCP and TLS.</summary>
    internal NameAddress ContactFor(SipTransportKind transport)
    {
        var local = Local(transport);
        var uri = new SipUri(SipUriScheme.Sip, _options.UserName, local.Host, local.Port);
        return new NameAddress(transport == SipTransportKind.Udp ? uri : uri.WithParameter("transport", transport.ToString().ToLowerInvariant()));
    }

    private void Prepare(SipRequest request, SipTransportKind transport)
    {
        if (request.TopVia is null)
        {
            AddVia(request, transport);
        }
        if (Dialogs.SipDialog.IsTargetRefresh(request.Method) && !request.Headers.Contains(SipHeaderNames.Contact))
        {
            request.Headers.Add(SipHeaderNames.Contact, ContactFor(transport).ToString());
        }
    }

    private string AnyLocalHost() =>
        (_localEndPoint(SipTransportKind.Udp) ?? _localEndPoint(SipTransportKind.Tcp) ?? _localEndPoint(SipTransportKind.Tls))?.Host ?? "localhost";

    private SipEndPoint Local(SipTransportKind transport) =>
        _localEndPoint(transport) ?? throw new InvalidOperationException($"SIP over {transport} is not enabled or not started");
}
