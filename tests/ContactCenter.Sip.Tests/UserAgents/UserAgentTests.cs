using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Tests.Transactions;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>The UA core on a fake transport and fake clock: the rules that need no sockets.</summary>
public sealed class UserAgentTests : IDisposable
{
    private static readonly SipEndPoint Local = new(SipTransportKind.Udp, "198.51.100.4", 5060);
    private static readonly SipEndPoint Peer = TransactionHarness.PeerUdp;

    private readonly FakeTimeProvider _time = new();
    private readonly FakeTransport _transport = new();
    private readonly SipMetrics _metrics = new();
    private readonly ThrowingOrRingingHandler _handler = new();
    private readonly SipUserAgent _agent;

    public UserAgentTests()
    {
        _agent = new SipUserAgent(_transport, _ => Local, _handler, _time, _metrics, NullLogger<SipUserAgent>.Instance,
            transactionOptions: new SipTransactionOptions { TryingDelay = TimeSpan.Zero });
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public void A_failing_handler_answers_500_and_frees_the_call_slot()
    {
        _handler.Throw = true;

        _agent.Transactions.Receive(Invite(), Peer);

        Assert.Single(_transport.Responses(500));
        Assert.Equal(0, _agent.IncomingCallCount);
    }

    [Fact]
    public async Task A_call_the_handler_never_answers_gets_480_and_frees_its_slot()
    {
        _agent.Transactions.Receive(Invite(), Peer);
        Assert.Equal(1, _agent.IncomingCallCount);

        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Single(_transport.Responses(480));
        Assert.Equal(0, _agent.IncomingCallCount);
        Assert.Equal(SipCallEndReason.TimedOut, await _handler.Last!.Ended.WaitAsync(LoopbackStacks.Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void An_unsupported_extension_gets_420_with_Unsupported()
    {
        var request = TransactionHarness.Request(SipMethods.Options);
        request.Headers.Add("Require", "100rel");

        _agent.Transactions.Receive(request, Peer);

        Assert.Equal("100rel", Assert.Single(_transport.Responses(420)).Headers.Get("Unsupported"));
    }

    [Fact]
    public void Cancel_without_its_invite_gets_481_and_reinvite_outside_a_known_dialog_481()
    {
        _agent.Transactions.Receive(TransactionHarness.Request(SipMethods.Cancel), Peer);
        _agent.Transactions.Receive(Invite(toTag: "unknown", branch: "z9hG4bKre"), Peer);

        Assert.Equal(2, _transport.Responses(481).Count);
    }

    [Fact]
    public async Task Cancel_waits_for_a_provisional_response_and_a_late_2xx_is_acked_again()
    {
        var call = _agent.Invite(SipUri.Parse("sip:ivr@192.0.2.20"), Peer, TestCallHandler.Offer());
        var invite = Assert.Single(_transport.Requests(SipMethods.Invite));

        Assert.True(call.Cancel());
        Assert.Empty(_transport.Requests(SipMethods.Cancel));
        _agent.Transactions.Receive(TransactionHarness.ResponseTo(invite, 180), Peer);
        var cancel = Assert.Single(_transport.Requests(SipMethods.Cancel));
        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);

        // The 2xx crossed the CANCEL: it is ACKed, and the unwanted call hung up (§9.1).
        var ok = TransactionHarness.ResponseTo(invite, 200);
        ok.Headers.Add("Contact", "<sip:ivr@192.0.2.20>");
        _agent.Transactions.Receive(ok, Peer);
        _agent.Transactions.Receive(ok, Peer);

        Assert.Equal(200, (await call.Answered.WaitAsync(LoopbackStacks.Patience, TestContext.Current.CancellationToken)).StatusCode);
        var acks = _transport.Requests(SipMethods.Ack);
        Assert.Equal(2, acks.Count);
        Assert.NotEqual(invite.TopVia.Branch, acks[0].TopVia!.Branch);
        Assert.Single(_transport.Requests(SipMethods.Bye));
        Assert.Equal(SipCallEndReason.LocalHangUp, await call.Ended.WaitAsync(LoopbackStacks.Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_invite_without_any_answer_times_out_as_408()
    {
        var call = _agent.Invite(SipUri.Parse("sip:ivr@192.0.2.20"), Peer, TestCallHandler.Offer());

        _time.Advance(TimeSpan.FromSeconds(33));

        Assert.Equal(408, (await call.Answered.WaitAsync(LoopbackStacks.Patience, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(SipCallEndReason.TimedOut, await call.Ended.WaitAsync(LoopbackStacks.Patience, TestContext.Current.CancellationToken));
    }

    private static SipRequest Invite(string? toTag = null, string branch = "z9hG4bKinv1")
    {
        var invite = TransactionHarness.Request(SipMethods.Invite, branch: branch, toTag: toTag);
        invite.Headers.Add("Contact", "<sip:caller@192.0.2.20>");
        return invite;
    }

    private sealed class ThrowingOrRingingHandler : ISipCallHandler
    {
        public bool Throw { get; set; }

        public SipIncomingCall? Last { get; private set; }

        public void OnIncomingCall(SipIncomingCall call)
        {
            Last = call;
            if (Throw)
            {
                throw new InvalidOperationException("handler failure for the test");
            }
            call.Ring();
        }
    }
}
