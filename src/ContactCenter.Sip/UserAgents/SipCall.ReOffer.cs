using System.Globalization;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public abstract partial class SipCall
{
    private SipReOffer? _incomingReOffer;

    /// <summary>Whether a re-INVITE from the peer is not finished: not answered yet, or our 2xx not yet ACKed.</summary>
    public bool IsReOfferPending
    {
        get
        {
            lock (Sync)
            {
                return _incomingReOffer is not null;
            }
        }
    }

    /// <summary>Holds the call's lock (tests use it to make two re-INVITEs cross deterministically).</summary>
    internal Lock.Scope EnterLock() => Sync.EnterScope();

    /// <summary>A re-INVITE from the peer (§14.2): 491 while ours is in flight (glare, §14.1), 500 + Retry-After while
    /// an earlier one is not finished, 500 for an out-of-order CSeq, 488 for an unreadable offer; otherwise the
    /// handler answers it.</summary>
    internal void ReceiveReInvite(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        SipReOffer? offer = null;
        var status = 0;
        lock (Sync)
        {
            SdpSession? sdp = null;
            if (StateValue != SipCallState.Established || Dialog is null)
            {
                status = 481;
            }
            else if (_outgoingReInvite is { InFlight: true })
            {
                status = 491;
            }
            else if (_incomingReOffer is not null)
            {
                status = 503;
            }
            else if (!request.Body.IsEmpty && !SdpParser.TryParse(request.Body.Span, out sdp, out _))
            {
                status = 488;
            }
            else if (Dialog.ReceiveRequest(request) is { } outOfOrder)
            {
                status = outOfOrder;
            }
            else
            {
                offer = new SipReOffer(this, transaction, sdp);
                _incomingReOffer = offer;
            }
        }
        if (offer is not null)
        {
            Agent.ReOffer(this, offer);
            return;
        }
        var response = SipResponseFactory.CreateResponse(request, status == 503 ? 500 : status);
        if (status == 503)
        {
            // §14.2: an INVITE still in progress in the other direction: 500 with a Retry-After of 0–10 s.
            response.Headers.Add(SipHeaderNames.RetryAfter, Random.Shared.Next(0, 11).ToString(CultureInfo.InvariantCulture));
        }
        transaction.SendResponse(response);
    }

    internal bool AnswerReOffer(SipReOffer offer, int statusCode, ReadOnlyMemory<byte> body, string? contentType)
    {
        lock (Sync)
        {
            if (offer.Answered || _incomingReOffer != offer || StateValue != SipCallState.Established)
            {
                return false;
            }
            offer.Answered = true;
            var response = SipResponseFactory.CreateResponse(offer.Request, statusCode);
            if (statusCode >= 300)
            {
                _incomingReOffer = null;
                offer.Transaction.SendResponse(response);
                return true;
            }
            response.Headers.Add(SipHeaderNames.Contact, Agent.ContactFor(Peer.Transport).ToString());
            if (!body.IsEmpty)
            {
                response.Headers.Add(SipHeaderNames.ContentType, contentType ?? "application/sdp");
                response.Body = body.ToArray();
            }
            // With an offer in the re-INVITE the exchange is complete; without one the remote side comes with the ACK.
            SetSessionLocked(response.Body, offer.Request.Body);
            offer.Ok = response;
            var options = Agent.Transactions.Options;
            offer.Interval = options.T1;
            // §13.3.1.4 applies to every 2xx to an INVITE: ours to retransmit until the ACK on unreliable transports.
            offer.Timer = Agent.Time.CreateTimer(static state => ((SipReOffer)state!).Call.OnReOfferTimer((SipReOffer)state!), offer,
                Peer.IsReliable ? options.TimeoutInterval : offer.Interval, Timeout.InfiniteTimeSpan);
            offer.Transaction.SendResponse(response);
            return true;
        }
    }

    private void ReceiveReOfferAck(SipRequest ack)
    {
        lock (Sync)
        {
            if (_incomingReOffer is { Ok: not null } offer && ack.CSeq?.Number == offer.Request.CSeq?.Number)
            {
                if (offer.Offer is null && !ack.Body.IsEmpty)
                {
                    // A re-INVITE without offer: our 2xx offered, the ACK answers (RFC 3264 §4).
                    SetSessionLocked(default, ack.Body);
                }
                offer.StopTimer();
                _incomingReOffer = null;
            }
        }
    }

    private void OnReOfferTimer(SipReOffer offer)
    {
        var options = Agent.Transactions.Options;
        lock (Sync)
        {
            if (_incomingReOffer != offer || offer.Timer is null)
            {
                return;
            }
            offer.Elapsed += Peer.IsReliable ? options.TimeoutInterval : offer.Interval;
            if (offer.Elapsed >= options.TimeoutInterval)
            {
                // No ACK within 64·T1: stop waiting so the call can negotiate again.
                offer.StopTimer();
                _incomingReOffer = null;
                return;
            }
            offer.Transaction.SendResponse(offer.Ok!);
            offer.Interval = TimeSpan.FromTicks(Math.Min(offer.Interval.Ticks * 2, options.T2.Ticks));
            offer.Timer.Change(offer.Interval, Timeout.InfiniteTimeSpan);
        }
    }
}
