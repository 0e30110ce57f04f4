using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class MatchingTests
{
    private static readonly SipEndPoint Peer = TransactionHarness.PeerUdp;

    [Fact]
    public void Rfc2543_request_without_branch_matches_its_retransmission_and_its_ack()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 486;
        h.Layer.Receive(TransactionHarness.Request("INVITE", branch: ""), Peer);
        h.Layer.Receive(TransactionHarness.Request("INVITE", branch: ""), Peer);
        Assert.Single(h.User.Requests);
        Assert.Equal(2, h.Transport.Responses(486).Count);

        h.Layer.Receive(TransactionHarness.Request("ACK", branch: "", toTag: "someone-else"), Peer);
        Assert.Single(h.User.Acks);
        h.Layer.Receive(TransactionHarness.Request("ACK", branch: "", toTag: "uas"), Peer);

        Assert.Single(h.User.Acks);
        Assert.Equal(SipTransactionState.Confirmed, h.User.Requests[0].State);
    }

    [Fact]
    public void Rfc2543_requests_differing_in_cseq_are_different_transactions()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("OPTIONS", branch: "", cseq: 1), Peer);
        h.Layer.Receive(TransactionHarness.Request("OPTIONS", branch: "", cseq: 2), Peer);

        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void Same_branch_from_another_sent_by_is_another_transaction()
    {
        var h = new TransactionHarness(new SipTransactionOptions { RejectMergedRequests = false });
        var first = TransactionHarness.Request("OPTIONS");
        var second = TransactionHarness.Request("OPTIONS");
        second.Headers.Set("Via", "SIP/2.0/UDP 192.0.2.99:5060;branch=z9hG4bKtest1");

        h.Layer.Receive(first, Peer);
        h.Layer.Receive(second, Peer);

        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void Merged_request_from_another_fork_gets_482_and_never_reaches_the_user()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("INVITE", branch: "z9hG4bKfork1"), Peer);
        h.Layer.Receive(TransactionHarness.Request("INVITE", branch: "z9hG4bKfork2"), Peer);

        Assert.Single(h.User.Requests);
        var loop = Assert.Single(h.Transport.Responses(482));
        Assert.Equal("z9hG4bKfork2", loop.TopVia!.Branch);
        Assert.Equal("Loop Detected", loop.ReasonPhrase);

        h.Layer.Receive(TransactionHarness.Request("INVITE", branch: "z9hG4bKfork3", fromTag: "other-caller"), Peer);
        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void Merge_detection_ends_with_the_first_transaction_and_can_be_switched_off()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 200;
        h.Layer.Receive(TransactionHarness.Request("OPTIONS", branch: "z9hG4bKa", transport: "TCP"), TransactionHarness.PeerTcp);
        h.Layer.Receive(TransactionHarness.Request("OPTIONS", branch: "z9hG4bKb", transport: "TCP"), TransactionHarness.PeerTcp);
        Assert.Equal(2, h.User.Requests.Count);

        var off = new TransactionHarness(new SipTransactionOptions { RejectMergedRequests = false });
        off.Layer.Receive(TransactionHarness.Request("INVITE", branch: "z9hG4bKfork1"), Peer);
        off.Layer.Receive(TransactionHarness.Request("INVITE", branch: "z9hG4bKfork2"), Peer);
        Assert.Equal(2, off.User.Requests.Count);
    }

    [Fact]
    public void Cancel_is_its_own_transaction_and_finds_the_invite_it_cancels()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE");
        h.Layer.Receive(invite, Peer);
        var cancel = SipRequestFactory.CreateCancel(invite);

        h.Layer.Receive(cancel, Peer);

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Equal("CANCEL", h.User.Requests[1].Request.Method);
        Assert.Same(h.User.Requests[0], h.Layer.FindInviteServerTransaction(h.User.Requests[1].Request));
        Assert.Null(h.Layer.FindInviteServerTransaction(SipRequestFactory.CreateCancel(TransactionHarness.Request("INVITE", branch: "z9hG4bKnone"))));
    }

    [Fact]
    public void Responses_go_to_received_and_rport_of_the_top_via()
    {
        var h = new TransactionHarness();
        var natted = TransactionHarness.Request("OPTIONS");
        natted.Headers.Set("Via", "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bKnat;rport");
        var source = new SipEndPoint(SipTransportKind.Udp, "203.0.113.7", 40000);

        h.Layer.Receive(natted, source);
        var tx = h.User.Requests[0];
        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 200));

        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, "203.0.113.7", 40000), h.Transport.Sent[0].Destination);
        var via = h.Transport.Sent[0].Message.TopVia!;
        Assert.Equal(("203.0.113.7", 40000), (via.Received, via.Rport));
    }

    [Fact]
    public void Without_rport_responses_go_to_received_at_the_sent_by_port()
    {
        var request = TransactionHarness.Request("OPTIONS");
        request.Headers.Set("Via", "SIP/2.0/UDP phone.example.com:5070;branch=z9hG4bKx, SIP/2.0/UDP other.example.com;branch=z9hG4bKy");
        var source = new SipEndPoint(SipTransportKind.Udp, "198.51.100.30", 5070);

        SipResponseRouting.StampReceived(request, source);

        Assert.Equal("198.51.100.30", request.TopVia!.Received);
        Assert.Equal("other.example.com", request.Vias![1].Host);
        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, "198.51.100.30", 5070), SipResponseRouting.GetResponseDestination(request.TopVia, source));
        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, "198.51.100.30", 5060), SipResponseRouting.GetResponseDestination(ViaHeader.Parse("SIP/2.0/UDP phone.example.com;branch=z9hG4bKx"), source));
        Assert.Equal(TransactionHarness.PeerTcp, SipResponseRouting.GetResponseDestination(ViaHeader.Parse("SIP/2.0/TCP phone.example.com;branch=z9hG4bKx"), TransactionHarness.PeerTcp));
    }
}
