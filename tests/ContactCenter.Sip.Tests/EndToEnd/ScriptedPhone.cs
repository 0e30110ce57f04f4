using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.EndToEnd;

/// <summary>A minimal UA on top of the transaction and dialog layers, enough to place, answer and hang up one call:
/// the glue a UA core will provide, written out plainly for the end-to-end test.</summary>
internal sealed class ScriptedPhone : ISipTransactionUser
{
    private readonly SipEndPoint _self;
    private readonly SdpLocalAudio _audio;
    private SipRequest? _invite;
    private SdpSession? _offer;

    public ScriptedPhone(SipEndPoint self, LoopbackNetwork network, TimeProvider time, string user)
    {
        _self = self;
        User = user;
        _audio = new SdpLocalAudio { Address = self.Host, Port = 20000, SessionId = "1", SessionVersion = "1" };
        Transport = network.TransportFor(self);
        Layer = new SipTransactionLayer(Transport, this, time);
        network.Attach(self, Layer);
    }

    public string User { get; }

    public ISipTransport Transport { get; }

    public SipTransactionLayer Layer { get; }

    public SipDialog? Dialog { get; private set; }

    public SdpNegotiatedAudio? Audio { get; private set; }

    public List<int> StatusesSeen { get; } = [];

    public List<string> RequestsSeen { get; } = [];

    public int AcksReceived { get; private set; }

    private NameAddress Contact => new(new SipUri(SipUriScheme.Sip, User, _self.Host, _self.Port));

    public void Call(SipEndPoint peer, string peerUser)
    {
        _offer = SdpOfferAnswer.CreateOffer(_audio);
        _invite = new SipRequest(SipMethods.Invite, new SipUri(SipUriScheme.Sip, peerUser, peer.Host, peer.Port));
        _invite.Headers.Add("Via", $"SIP/2.0/UDP {_self.Host}:{_self.Port};branch={SipIdentifiers.NewBranch()};rport");
        _invite.Headers.Add("Max-Forwards", "70");
        _invite.Headers.Add("To", $"<sip:{peerUser}@{peer.Host}>");
        _invite.Headers.Add("From", new NameAddress(new SipUri(SipUriScheme.Sip, User, _self.Host), User).WithTag(SipIdentifiers.NewTag()).ToString());
        _invite.Headers.Add("Call-ID", SipIdentifiers.NewCallId());
        _invite.Headers.Add("CSeq", "1 INVITE");
        _invite.Headers.Add("Contact", Contact.ToString());
        _invite.Headers.Add("Content-Type", "application/sdp");
        _invite.Body = _offer.ToBytes();
        Layer.SendRequest(_invite, peer);
    }

    public void HangUp(SipEndPoint peer)
    {
        var bye = Dialog!.CreateRequest(SipMethods.Bye);
        AddVia(bye);
        Layer.SendRequest(bye, peer);
    }

    public void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        RequestsSeen.Add(request.Method);
        if (request.Method == SipMethods.Invite)
        {
            var tag = SipIdentifiers.NewTag();
            transaction.SendResponse(SipResponseFactory.CreateResponse(request, 180, toTag: tag));
            Assert.True(SdpParser.TryParse(request.Body.Span, out var offer, out var error), error);
            var answer = SdpOfferAnswer.CreateAnswer(offer, _audio);
            Audio = answer.Audio;
            var ok = SipResponseFactory.CreateResponse(request, 200, toTag: tag);
            ok.Headers.Add("Contact", Contact.ToString());
            ok.Headers.Add("Content-Type", "application/sdp");
            ok.Body = answer.Answer.ToBytes();
            Dialog = SipDialog.CreateAsUas(request, ok);
            transaction.SendResponse(ok);
            return;
        }
        var status = Dialog is not null && SipDialogId.OfIncomingRequest(request) == Dialog.Id ? Dialog.ReceiveRequest(request) ?? 200 : 481;
        transaction.SendResponse(SipResponseFactory.CreateResponse(request, status));
        if (request.Method == SipMethods.Bye && status == 200)
        {
            Dialog!.Terminate();
        }
    }

    public void OnAck(SipRequest ack, SipEndPoint source) => AcksReceived++;

    public void OnResponse(SipClientTransaction transaction, SipResponse response)
    {
        StatusesSeen.Add(response.StatusCode);
        if (transaction.Request.Method != SipMethods.Invite || !response.IsSuccess)
        {
            if (transaction.Request.Method == SipMethods.Bye && response.IsSuccess)
            {
                Dialog!.Terminate();
            }
            return;
        }
        Dialog ??= SipDialog.CreateAsUac(_invite!, response);
        Assert.True(SdpParser.TryParse(response.Body.Span, out var answer, out var error), error);
        Audio = SdpOfferAnswer.ProcessAnswer(_offer!, answer);
        // The ACK for a 2xx is the UA core's, sent for every 2xx retransmission too (§13.2.2.4).
        var ack = Dialog.CreateAck(_invite!.CSeq!.Number);
        AddVia(ack);
        Transport.TrySend(ack, transaction.RemoteEndPoint);
    }

    public void OnStrayResponse(SipResponse response, SipEndPoint source) => StatusesSeen.Add(-response.StatusCode);

    public void OnTimeout(SipTransaction transaction) => throw new InvalidOperationException($"{User}: {transaction.Request.Method} timed out");

    public void OnTransportError(SipTransaction transaction) => throw new InvalidOperationException($"{User}: transport error");

    private void AddVia(SipRequest request) =>
        request.Headers.AddFirst("Via", $"SIP/2.0/UDP {_self.Host}:{_self.Port};branch={SipIdentifiers.NewBranch()};rport");
}
