using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.UserAgents;

public abstract partial class SipCall
{
    /// <summary>491 retries of one re-INVITE before its 491 is handed back.</summary>
    private const int MaxGlareRetries = 5;

    private SipReInvite? _outgoingReInvite;
    private SipRequest? _lastReInviteAck;

    /// <summary>Raised when our re-INVITE met a crossing one (491, RFC 3261 §14.1) and is sent again after the given
    /// randomised delay.</summary>
    public event EventHandler<TimeSpan>? GlareRetryScheduled;

    /// <summary>Whether a re-INVITE of ours is in progress (sent, or waiting to be retried after a 491); another
    /// cannot be started until it completes.</summary>
    public bool IsReInviteInProgress
    {
        get
        {
            lock (Sync)
            {
                return _outgoingReInvite is not null;
            }
        }
    }

    /// <summary>Sends a re-INVITE with the SDP offer <paramref name="offer"/> (RFC 3261 §14.1) and completes with its
    /// final response: on 2xx the answer becomes the call's remote SDP and the offer its local SDP, the remote target
    /// is refreshed from the 2xx Contact, and the 2xx is ACKed; on 491 the request is retried after a random delay
    /// (2.1–4 s if we placed the call, else 0–2 s); any other failure leaves the session as it was. Throws when the
    /// call is not established or another INVITE transaction is in progress in either direction.</summary>
    public Task<SipResponse> ReInviteAsync(ReadOnlyMemory<byte> offer, string contentType = "application/sdp")
    {
        if (offer.IsEmpty)
        {
            // An offerless re-INVITE would need our answer in the ACK; not offered by this API.
            throw new ArgumentException("a re-INVITE carries an SDP offer", nameof(offer));
        }
        var reInvite = new SipReInvite(this, offer.ToArray(), contentType);
        lock (Sync)
        {
            if (StateValue != SipCallState.Established || Dialog is null)
            {
                throw new InvalidOperationException($"call {CallId} is {StateValue}: only an established call can be re-INVITEd");
            }
            if (_outgoingReInvite is not null || _incomingReOffer is not null)
            {
                throw new InvalidOperationException($"call {CallId} has an INVITE transaction in progress (RFC 3261 §14.1)");
            }
            _outgoingReInvite = reInvite;
        }
        SendReInvite(reInvite);
        return reInvite.Final;
    }

    /// <summary>Puts the peer on hold: a re-INVITE with our SDP as <paramref name="direction"/> (sendonly by default,
    /// or inactive).</summary>
    public Task<SipResponse> HoldAsync(SdpDirection direction = SdpDirection.SendOnly)
    {
        if (direction is not (SdpDirection.SendOnly or SdpDirection.Inactive))
        {
            throw new ArgumentException("hold is sendonly or inactive", nameof(direction));
        }
        return ReInviteAsync(CreateOffer(direction));
    }

    /// <summary>Takes the call off hold: a re-INVITE with our SDP as sendrecv.</summary>
    public Task<SipResponse> ResumeAsync() => ReInviteAsync(CreateOffer(SdpDirection.SendRecv));

    internal void ReceiveReInviteResponse(SipReInvite reInvite, SipResponse response)
    {
        if (response.IsProvisional)
        {
            return;
        }
        SipRequest? ack = null;
        TimeSpan? retry = null;
        var complete = false;
        lock (Sync)
        {
            var request = reInvite.Request!;
            if (response.CSeq?.Number != request.CSeq!.Number)
            {
                return;
            }
            if (reInvite.Ack is null)
            {
                Dialog?.ReceiveResponse(request, response);
                reInvite.InFlight = false;
                if (response.IsSuccess && Dialog is { } dialog)
                {
                    // §13.2.2.4: the ACK of a 2xx is built by the core and sent end to end.
                    reInvite.Ack = dialog.CreateAck(request.CSeq.Number);
                    Agent.AddVia(reInvite.Ack, Peer.Transport);
                    _lastReInviteAck = reInvite.Ack;
                    SetSessionLocked(reInvite.Offer, response.Body);
                    _outgoingReInvite = null;
                    complete = true;
                }
                else if (response.StatusCode == 491 && StateValue == SipCallState.Established && reInvite.GlareRetries < MaxGlareRetries)
                {
                    reInvite.GlareRetries++;
                    retry = GlareDelay();
                    reInvite.RetryTimer = Agent.Time.CreateTimer(static state => ((SipReInvite)state!).Call.RetryReInvite((SipReInvite)state!), reInvite, retry.Value, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    _outgoingReInvite = null;
                    complete = true;
                }
            }
            ack = response.IsSuccess ? reInvite.Ack : null;
        }
        if (ack is not null)
        {
            Agent.SendAck(ack, Peer);
        }
        if (retry is { } delay)
        {
            Agent.LogGlare(this, delay);
            Agent.Notify(this, () => GlareRetryScheduled?.Invoke(this, delay));
        }
        if (complete)
        {
            reInvite.Complete(response);
        }
    }

    /// <summary>A 2xx to our last re-INVITE retransmitted after its transaction ended (§13.2.2.4): ACK it again.</summary>
    internal void ReceiveStrayReInviteSuccess(SipResponse response)
    {
        SipRequest? ack;
        lock (Sync)
        {
            ack = _lastReInviteAck is { } last && last.CSeq!.Number == response.CSeq?.Number ? last : null;
        }
        if (ack is not null)
        {
            Agent.SendAck(ack, Peer);
        }
    }

    /// <summary>§14.1: the owner of the Call-ID (the side that sent the initial INVITE) waits 2.1–4 s, the other
    /// 0–2 s, in units of 10 ms.</summary>
    private TimeSpan GlareDelay() =>
        this is SipOutgoingCall ? TimeSpan.FromMilliseconds(2100 + (10 * Random.Shared.Next(0, 191))) : TimeSpan.FromMilliseconds(10 * Random.Shared.Next(0, 201));

    private void RetryReInvite(SipReInvite reInvite)
    {
        SipResponse? abandoned = null;
        lock (Sync)
        {
            reInvite.RetryTimer?.Dispose();
            reInvite.RetryTimer = null;
            if (_outgoingReInvite != reInvite)
            {
                return;
            }
            if (StateValue != SipCallState.Established)
            {
                _outgoingReInvite = null;
                abandoned = SipResponseFactory.CreateResponse(reInvite.Request!, 481);
            }
            else if (_incomingReOffer is not null)
            {
                // The peer's retry won the race and is still being answered: wait another round.
                reInvite.RetryTimer = Agent.Time.CreateTimer(static state => ((SipReInvite)state!).Call.RetryReInvite((SipReInvite)state!), reInvite, GlareDelay(), Timeout.InfiniteTimeSpan);
                return;
            }
        }
        if (abandoned is not null)
        {
            reInvite.Complete(abandoned);
            return;
        }
        SendReInvite(reInvite);
    }

    private void SendReInvite(SipReInvite reInvite)
    {
        SipRequest request;
        lock (Sync)
        {
            request = Dialog!.CreateRequest(SipMethods.Invite);
            request.Headers.Add(SipHeaderNames.ContentType, reInvite.ContentType);
            request.Body = reInvite.Offer;
            reInvite.Request = request;
            reInvite.InFlight = true;
        }
        Agent.SendWithState(request, Peer, reInvite);
    }

    private void StopSessionTimersLocked()
    {
        if (_outgoingReInvite is { } reInvite)
        {
            reInvite.RetryTimer?.Dispose();
            reInvite.RetryTimer = null;
            if (!reInvite.InFlight && reInvite.Request is { } request)
            {
                reInvite.Complete(SipResponseFactory.CreateResponse(request, 481));
            }
        }
        _incomingReOffer?.StopTimer();
    }
}
