using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.1.1.2/§17.1.2.2: when the transport reports that a queued request could not be sent, the
/// client transaction ends with a transport error at once instead of waiting for Timer B/F.</summary>
public sealed class TransportFailureTests
{
    [Theory]
    [InlineData("INVITE")]
    [InlineData("OPTIONS")]
    public void Reported_send_failure_terminates_the_client_transaction_with_a_transport_error(string method)
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TransactionHarness.Request(method, transport: "TCP"), TransactionHarness.PeerTcp);
        var onFailure = Assert.Single(h.Transport.FailureCallbacks);

        onFailure();

        Assert.Same(tx, Assert.Single(h.User.TransportErrors));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
        Assert.Empty(h.User.Timeouts);
        // A second report (another queued message of the same transaction) changes nothing.
        onFailure();
        Assert.Single(h.User.TransportErrors);
    }

    [Fact]
    public void Failure_reported_after_the_final_response_is_ignored()
    {
        var h = new TransactionHarness();
        var request = TransactionHarness.Request("OPTIONS", transport: "TCP");
        var tx = h.Layer.SendRequest(request, TransactionHarness.PeerTcp);
        h.Layer.Receive(TransactionHarness.ResponseTo(request, 200), TransactionHarness.PeerTcp);

        Assert.Single(h.Transport.FailureCallbacks)();

        Assert.Empty(h.User.TransportErrors);
        Assert.Equal(200, Assert.Single(h.User.Responses).Response.StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }
}
