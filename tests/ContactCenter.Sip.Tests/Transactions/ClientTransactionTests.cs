using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    [Fact]
    public void Invite_over_udp_retransmits_with_timer_a_doubling_until_timer_b()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.Request("INVITE"), TransactionHarness.PeerUdp);
        Assert.Equal(SipTransactionState.Calling, tx.State);

        var sendTimes = new List<double> { 0 };
        for (var ms = 1; ms <= 31_999; ms++)
        {
            var before = h.Transport.Sent.Count;
            h.Advance(1);
            if (h.Transport.Sent.Count > before)
            {
                sendTimes.Add(ms);
            }
        }

        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], sendTimes);
        Assert.Empty(h.User.Timeouts);
        h.Advance(1);
        Assert.Same(tx, Assert.Single(h.User.Timeouts));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
        Assert.All(h.Transport.Sent, s => Assert.Equal(TransactionHarness.PeerUdp, s.Destination));
    }

    [Fact]
    public void Provisional_response_stops_retransmissions_and_timer_b()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE");
        var tx = h.Layer.SendRequest(invite, TransactionHarness.PeerUdp);
        h.Advance(600);

        h.Layer.Receive(TransactionHarness.ResponseTo(invite, 180), TransactionHarness.PeerUdp);
        h.Advance(120_000);

        Assert.Equal(2, h.Transport.Sent.Count);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.Equal(180, Assert.Single(h.User.Responses).Response.StatusCode);
        Assert.Empty(h.User.Timeouts);
    }

    [Fact]
    public void Proceeding_invite_times_out_after_the_proceeding_timeout_restarted_by_each_provisional()
    {
        var h = new TransactionHarness(new SipTransactionOptions { InviteProceedingTimeout = TimeSpan.FromSeconds(60) });
        var invite = TransactionHarness.Request("INVITE");
        var tx = h.Layer.SendRequest(invite, TransactionHarness.PeerUdp);
        h.Layer.Receive(TransactionHarness.ResponseTo(invite, 180), TransactionHarness.PeerUdp);
        h.Advance(50_000);
        h.Layer.Receive(TransactionHarness.ResponseTo(invite, 183), TransactionHarness.PeerUdp);

        h.Advance(59_999);
        Assert.Empty(h.User.Timeouts);
        h.Advance(1);

        Assert.Same(tx, Assert.Single(h.User.Timeouts));
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Failure_response_is_acked_by_the_transaction_and_retransmissions_are_re_acked_until_timer_d()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE");
        var tx = h.Layer.SendRequest(invite, TransactionHarness.PeerUdp);
        var busy = TransactionHarness.ResponseTo(invite, 486, toTag: "busy1");

        h.Layer.Receive(busy, TransactionHarness.PeerUdp);

        Assert.Equal(SipTransactionState.Completed, tx.State);
        var ack = Assert.Single(h.Transport.Requests("ACK"));
        Assert.Equal("z9hG4bKtest1", ack.TopVia!.Branch);
        Assert.Single(ack.Vias!);
        Assert.Equal("busy1", ack.To!.Tag);
        Assert.Equal("ft1", ack.From!.Tag);
        Assert.Equal(new CSeqHeader(1, "ACK"), ack.CSeq);
        Assert.Equal(invite.RequestUri, ack.RequestUri);
        Assert.Equal("sip:proxy.example.com;lr", Assert.Single(ack.Routes!).Uri.ToString());
        Assert.Equal(486, Assert.Single(h.User.Responses).Response.StatusCode);

        h.Layer.Receive(busy, TransactionHarness.PeerUdp);
        Assert.Equal(2, h.Transport.Requests("ACK").Count);
        Assert.Single(h.User.Responses);

        h.Advance(31_999);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(1);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(h.User.Timeouts);
    }

    [Fact]
    public void Success_response_moves_to_accepted_and_passes_retransmissions_up_until_timer_m()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE");
        var tx = h.Layer.SendRequest(invite, TransactionHarness.PeerUdp);
        var ok = TransactionHarness.ResponseTo(invite, 200);

        h.Layer.Receive(ok, TransactionHarness.PeerUdp);
        h.Layer.Receive(ok, TransactionHarness.PeerUdp);

        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Equal(2, h.User.Responses.Count);
        Assert.Empty(h.Transport.Requests("ACK"));
        h.Advance(32_000);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        h.Layer.Receive(ok, TransactionHarness.PeerUdp);
        Assert.Single(h.User.Strays);
        Assert.Single(h.Transport.Sent);
    }

    [Fact]
    public void Invite_over_tcp_never_retransmits_and_ends_at_once_after_the_ack()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE", transport: "TCP");
        var tx = h.Layer.SendRequest(invite, TransactionHarness.PeerTcp);
        h.Advance(20_000);
        Assert.Single(h.Transport.Sent);

        h.Layer.Receive(TransactionHarness.ResponseTo(invite, 603), TransactionHarness.PeerTcp);

        Assert.Single(h.Transport.Requests("ACK"));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Invite_over_tcp_times_out_with_timer_b()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(TransactionHarness.Request("INVITE", transport: "TCP"), TransactionHarness.PeerTcp);

        h.Advance(31_999);
        Assert.Empty(h.User.Timeouts);
        h.Advance(1);
        Assert.Single(h.User.Timeouts);
    }

    [Fact]
    public void Non_invite_over_udp_backs_off_to_t2_and_times_out_with_timer_f()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.Request("OPTIONS"), TransactionHarness.PeerUdp);

        var sendTimes = new List<double> { 0 };
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
    }

    [Fact]
    public void Non_invite_in_proceeding_retransmits_every_t2()
    {
        var h = new TransactionHarness();
        var options = TransactionHarness.Request("OPTIONS");
        var tx = h.Layer.SendRequest(options, TransactionHarness.PeerUdp);
        h.Advance(200);
        h.Layer.Receive(TransactionHarness.ResponseTo(options, 100), TransactionHarness.PeerUdp);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);

        h.Advance(300);
        Assert.Equal(2, h.Transport.Sent.Count);
        h.Advance(3_999);
        Assert.Equal(2, h.Transport.Sent.Count);
        h.Advance(1);
        Assert.Equal(3, h.Transport.Sent.Count);
        h.Advance(4_000);
        Assert.Equal(4, h.Transport.Sent.Count);
    }

    [Fact]
    public void Non_invite_final_response_completes_and_timer_k_ends_it()
    {
        var h = new TransactionHarness();
        var bye = TransactionHarness.Request("BYE", toTag: "t");
        var tx = h.Layer.SendRequest(bye, TransactionHarness.PeerUdp);
        var ok = TransactionHarness.ResponseTo(bye, 200);

        h.Layer.Receive(ok, TransactionHarness.PeerUdp);
        h.Layer.Receive(ok, TransactionHarness.PeerUdp);

        Assert.Single(h.User.Responses);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Advance(4_999);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Assert.Single(h.Transport.Sent);
        h.Advance(1);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Non_invite_over_tcp_ends_at_once_on_the_final_response()
    {
        var h = new TransactionHarness();
        var register = TransactionHarness.Request("REGISTER", transport: "TCP");
        var tx = h.Layer.SendRequest(register, TransactionHarness.PeerTcp);

        h.Layer.Receive(TransactionHarness.ResponseTo(register, 401), TransactionHarness.PeerTcp);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Transport_refusal_ends_the_transaction_and_tells_the_user()
    {
        var h = new TransactionHarness();
        h.Transport.Refuse = true;

        var tx = h.Layer.SendRequest(TransactionHarness.Request("INVITE"), TransactionHarness.PeerUdp);

        Assert.Same(tx, Assert.Single(h.User.TransportErrors));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        h.Advance(64_000);
        Assert.Empty(h.User.Timeouts);
    }

    [Fact]
    public void Responses_match_by_branch_case_insensitively_and_by_cseq_method()
    {
        var h = new TransactionHarness();
        var invite = TransactionHarness.Request("INVITE", branch: "z9hG4bKMixedCase");
        h.Layer.SendRequest(invite, TransactionHarness.PeerUdp);
        var cancel = SipRequestFactory.CreateCancel(invite);
        h.Layer.SendRequest(cancel, TransactionHarness.PeerUdp);

        var okCancel = TransactionHarness.ResponseTo(cancel, 200);
        okCancel.Headers.Set("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKmixedcase");
        h.Layer.Receive(okCancel, TransactionHarness.PeerUdp);
        h.Layer.Receive(TransactionHarness.ResponseTo(TransactionHarness.Request("INVITE", branch: "z9hG4bKother"), 180), TransactionHarness.PeerUdp);

        var (transaction, response) = Assert.Single(h.User.Responses);
        Assert.Equal("CANCEL", transaction.Request.Method);
        Assert.Equal(200, response.StatusCode);
        Assert.Single(h.User.Strays);
        Assert.Equal(2, h.Layer.ClientTransactionCount);
        h.Advance(5_000);
        Assert.Equal(1, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Requests_without_a_proper_branch_or_acks_are_refused()
    {
        var h = new TransactionHarness();

        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TransactionHarness.Request("INVITE", branch: "old"), TransactionHarness.PeerUdp));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TransactionHarness.Request("ACK"), TransactionHarness.PeerUdp));
        h.Layer.SendRequest(TransactionHarness.Request("INVITE"), TransactionHarness.PeerUdp);
        Assert.Throws<InvalidOperationException>(() => h.Layer.SendRequest(TransactionHarness.Request("INVITE"), TransactionHarness.PeerUdp));
    }
}
