using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    private static readonly SipEndPoint Peer = TransactionHarness.PeerUdp;

    [Fact]
    public void Invite_gets_100_trying_after_200_ms_when_the_user_is_silent()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);

        h.Advance(199);
        Assert.Empty(h.Transport.Sent);
        h.Advance(1);
        var trying = Assert.Single(h.Transport.Responses(100));
        Assert.Null(trying.To!.Tag);
    }

    [Fact]
    public void No_100_trying_when_the_user_answers_within_200_ms()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        h.Advance(150);
        var tx = h.User.Requests[0];
        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 180));

        h.Advance(1_000);

        Assert.Equal([180], h.Transport.Sent.Select(s => ((SipResponse)s.Message).StatusCode).ToArray());
    }

    [Fact]
    public void Zero_trying_delay_sends_100_at_once()
    {
        var h = new TransactionHarness(new SipTransactionOptions { TryingDelay = TimeSpan.Zero });

        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);

        Assert.Single(h.Transport.Responses(100));
    }

    [Fact]
    public void Retransmitted_invite_is_absorbed_and_gets_the_last_provisional_again()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        var tx = h.User.Requests[0];
        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 180));

        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);

        Assert.Single(h.User.Requests);
        Assert.Equal(2, h.Transport.Responses(180).Count);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Failure_response_is_retransmitted_with_timer_g_until_timer_h_gives_up()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 486;
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        var tx = h.User.Requests[0];
        Assert.Equal(SipTransactionState.Completed, tx.State);

        var sendTimes = new List<int> { 0 };
        for (var ms = 1; ms <= 32_000; ms++)
        {
            var before = h.Transport.Sent.Count;
            h.Advance(1);
            if (h.Transport.Sent.Count > before)
            {
                sendTimes.Add(ms);
            }
        }

        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], sendTimes);
        Assert.Same(tx, Assert.Single(h.User.Timeouts));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.All(h.Transport.Sent, s => Assert.Equal(486, ((SipResponse)s.Message).StatusCode));
    }

    [Fact]
    public void Ack_confirms_stops_retransmissions_and_timer_i_ends_the_transaction()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 404;
        var invite = TransactionHarness.Request("INVITE");
        h.Layer.Receive(invite, Peer);
        var tx = h.User.Requests[0];
        h.Advance(600);
        Assert.Equal(2, h.Transport.Sent.Count);

        var ack = SipRequestFactory.CreateAckForFailure(invite, (SipResponse)h.Transport.Sent[0].Message);
        h.Layer.Receive(ack, Peer);
        h.Layer.Receive(ack, Peer);

        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Empty(h.User.Acks);
        h.Advance(4_999);
        Assert.Equal(2, h.Transport.Sent.Count);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.Advance(1);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(h.User.Timeouts);
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Success_response_is_accepted_the_ack_goes_to_the_user_and_invites_are_absorbed_until_timer_l()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 200;
        var invite = TransactionHarness.Request("INVITE");
        h.Layer.Receive(invite, Peer);
        var tx = h.User.Requests[0];
        Assert.Equal(SipTransactionState.Accepted, tx.State);

        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        Assert.Single(h.Transport.Sent);
        Assert.Single(h.User.Requests);
        tx.SendResponse(tx.LastResponse!);
        Assert.Equal(2, h.Transport.Responses(200).Count);

        var ack = TransactionHarness.Request("ACK", branch: "z9hG4bKack2", toTag: "uas");
        h.Layer.Receive(ack, Peer);
        Assert.Single(h.User.Acks);

        h.Advance(32_000);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Throws<InvalidOperationException>(() => tx.SendResponse(TransactionHarness.ResponseTo(invite, 200)));
    }

    [Fact]
    public void Invite_over_tcp_has_no_timer_g_and_the_ack_ends_it_at_once()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 480;
        var invite = TransactionHarness.Request("INVITE", transport: "TCP");
        h.Layer.Receive(invite, TransactionHarness.PeerTcp);
        var tx = h.User.Requests[0];
        h.Advance(10_000);
        Assert.Single(h.Transport.Sent);
        Assert.Equal(TransactionHarness.PeerTcp, h.Transport.Sent[0].Destination);

        h.Layer.Receive(SipRequestFactory.CreateAckForFailure(invite, tx.LastResponse!), TransactionHarness.PeerTcp);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Final_response_twice_is_a_user_bug()
    {
        var h = new TransactionHarness();
        h.User.AnswerWith = 486;
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        var tx = h.User.Requests[0];

        var error = Assert.Throws<InvalidOperationException>(() => tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 200)));
        Assert.Contains("Completed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_invite_absorbs_retransmissions_resends_the_final_and_ends_with_timer_j()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("OPTIONS"), Peer);
        h.Layer.Receive(TransactionHarness.Request("OPTIONS"), Peer);
        Assert.Empty(h.Transport.Sent);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(SipTransactionState.Trying, tx.State);

        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 200));
        h.Layer.Receive(TransactionHarness.Request("OPTIONS"), Peer);

        Assert.Equal(2, h.Transport.Responses(200).Count);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(31_999);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(1);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(2, h.Transport.Sent.Count);
    }

    [Fact]
    public void Non_invite_provisional_then_final_and_tcp_ends_at_once()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("REGISTER", transport: "TCP"), TransactionHarness.PeerTcp);
        var tx = h.User.Requests[0];

        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 100));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 200));

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Transport_refusal_of_a_response_ends_the_transaction()
    {
        var h = new TransactionHarness();
        h.Layer.Receive(TransactionHarness.Request("INVITE"), Peer);
        h.Transport.Refuse = true;
        var tx = h.User.Requests[0];

        tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 500));

        Assert.Same(tx, Assert.Single(h.User.TransportErrors));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }
}
