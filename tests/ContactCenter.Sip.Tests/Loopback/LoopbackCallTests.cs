using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>A UAC built on the stack calls a UAS built on the stack over real loopback sockets, on each transport.</summary>
public sealed class LoopbackCallTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    public static TheoryData<SipTransportKind> Transports => [SipTransportKind.Udp, SipTransportKind.Tcp, SipTransportKind.Tls];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Call_is_answered_acked_and_hung_up(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(transport);

        var call = stacks.Caller.UserAgent.Invite(uri, destination, TestCallHandler.Offer());
        var answer = await call.Answered.WaitAsync(Patience, ct);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal([100, 180], call.ProvisionalResponses.Select(r => r.StatusCode));
        Assert.Equal(SipCallState.Established, call.State);
        var incoming = (SipIncomingCall)await stacks.CalleeHandler.Established.Task.WaitAsync(Patience, ct);
        Assert.Equal(call.CallId, incoming.CallId);
        Assert.Equal(call.Dialog!.Id.LocalTag, incoming.Dialog!.Id.RemoteTag);

        var bye = await call.HangUpAsync().WaitAsync(Patience, ct);

        Assert.Equal(200, bye.StatusCode);
        Assert.Equal(SipCallEndReason.LocalHangUp, await call.Ended.WaitAsync(Patience, ct));
        Assert.Equal(SipCallEndReason.RemoteHangUp, await incoming.Ended.WaitAsync(Patience, ct));
        Assert.Equal(0, stacks.Callee.UserAgent.IncomingCallCount);
        Assert.Equal(0, stacks.Caller.UserAgent.DialogCount + stacks.Callee.UserAgent.DialogCount);
        if (transport != SipTransportKind.Udp)
        {
            // §18.2.2: responses came back on the caller's connection, and the BYE reused it.
            Assert.Equal(1, stacks.Caller.Transport.ConnectionCount);
            Assert.Equal(1, stacks.Callee.Transport.ConnectionCount);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Cancelled_call_gets_487(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        stacks.CalleeHandler.Answer = false;
        var (destination, uri) = stacks.Target(transport);

        var call = stacks.Caller.UserAgent.Invite(uri, destination, TestCallHandler.Offer());
        var incoming = await stacks.CalleeHandler.FirstCall.Task.WaitAsync(Patience, ct);
        Assert.True(call.Cancel());

        var final = await call.Answered.WaitAsync(Patience, ct);

        Assert.Equal(487, final.StatusCode);
        Assert.Equal(SipCallEndReason.Cancelled, await call.Ended.WaitAsync(Patience, ct));
        Assert.Equal(SipCallEndReason.Cancelled, await incoming.Ended.WaitAsync(Patience, ct));
        Assert.False(incoming.Accept(TestCallHandler.Offer()));
        Assert.Equal(0, stacks.Callee.UserAgent.IncomingCallCount);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Options_gets_200_with_Allow_and_Accept(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(transport);

        var options = stacks.Caller.UserAgent.CreateRequest(SipMethods.Options, uri);
        var response = await stacks.Caller.UserAgent.SendRequestAsync(options, destination).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY", response.Headers.Get(SipHeaderNames.Allow));
        Assert.Equal("application/sdp", response.Headers.Get(SipHeaderNames.Accept));
        Assert.Equal("replaces", response.Headers.Get(SipHeaderNames.Supported));
    }

    [Fact]
    public async Task Unknown_method_gets_501_and_a_known_unserved_one_405_with_Allow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var agent = stacks.Caller.UserAgent;

        var unknown = await agent.SendRequestAsync(agent.CreateRequest("FROBNICATE", uri), destination).WaitAsync(Patience, ct);
        var register = await agent.SendRequestAsync(agent.CreateRequest(SipMethods.Register, uri), destination).WaitAsync(Patience, ct);
        var orphanBye = await agent.SendRequestAsync(agent.CreateRequest(SipMethods.Bye, uri), destination).WaitAsync(Patience, ct);

        Assert.Equal(501, unknown.StatusCode);
        Assert.Equal(405, register.StatusCode);
        Assert.Contains("INVITE", register.Headers.Get(SipHeaderNames.Allow), StringComparison.Ordinal);
        Assert.Equal(481, orphanBye.StatusCode);
    }

    [Theory]
    [InlineData(SipTransportKind.Udp)]
    [InlineData(SipTransportKind.Tcp)]
    public async Task Calls_beyond_the_limit_get_503_with_Retry_After(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create(new SipUserAgentOptions { MaxConcurrentIncomingCalls = 1, OverloadRetryAfter = TimeSpan.FromSeconds(7) });
        stacks.CalleeHandler.Answer = false;
        var (destination, uri) = stacks.Target(transport);
        var agent = stacks.Caller.UserAgent;

        var first = agent.Invite(uri, destination, TestCallHandler.Offer());
        await stacks.CalleeHandler.FirstCall.Task.WaitAsync(Patience, ct);
        var second = await agent.Invite(uri, destination, TestCallHandler.Offer()).Answered.WaitAsync(Patience, ct);

        Assert.Equal(503, second.StatusCode);
        Assert.Equal("7", second.Headers.Get(SipHeaderNames.RetryAfter));
        Assert.Single(stacks.CalleeHandler.Calls);

        // Once the first call is over, a new one is admitted again.
        first.Cancel();
        Assert.Equal(487, (await first.Answered.WaitAsync(Patience, ct)).StatusCode);
        await first.Ended.WaitAsync(Patience, ct);
        var third = agent.Invite(uri, destination, TestCallHandler.Offer());
        await Eventually(() => third.ProvisionalResponses.Any(r => r.StatusCode == 180), ct);
        Assert.Equal(2, stacks.CalleeHandler.Calls.Count);
    }

    private static async Task Eventually(Func<bool> condition, CancellationToken ct) =>
        await TestSupport.Eventually.TrueAsync(condition, Patience, "the third call rings").WaitAsync(ct);
}
