using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Sip.Tests.InDialog;

/// <summary>re-INVITE in an established call over real loopback sockets (RFC 3261 §14, RFC 3264 §8.4 hold).</summary>
public sealed class ReInviteTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    public static TheoryData<SipTransportKind> Transports => [SipTransportKind.Udp, SipTransportKind.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Hold_and_resume_in_both_directions_update_the_negotiated_directions(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        Assert.Equal(SdpDirection.SendRecv, call.Caller.LocalDirection);
        Assert.Equal(SdpDirection.SendRecv, call.Callee.LocalDirection);

        // The caller holds the callee: sendonly, answered recvonly by the default handler.
        Assert.Equal(200, (await call.Caller.HoldAsync().WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Callee, "the caller's hold", ct);
        AssertDirections(call, SdpDirection.SendOnly, SdpDirection.RecvOnly);
        Assert.Equal("2", call.Caller.LocalSdp!.Origin.SessionVersion);

        Assert.Equal(200, (await call.Caller.ResumeAsync().WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Callee, "the caller's resume", ct);
        AssertDirections(call, SdpDirection.SendRecv, SdpDirection.SendRecv);

        // The callee holds the caller with inactive, then resumes.
        Assert.Equal(200, (await call.Callee.HoldAsync(SdpDirection.Inactive).WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Caller, "the callee's hold", ct);
        AssertDirections(call, SdpDirection.Inactive, SdpDirection.Inactive);

        Assert.Equal(200, (await call.Callee.ResumeAsync().WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Caller, "the callee's resume", ct);
        AssertDirections(call, SdpDirection.SendRecv, SdpDirection.SendRecv);
        Assert.Equal(call.Caller.Dialog!.Id.LocalTag, call.Callee.Dialog!.Id.RemoteTag);

        Assert.Equal(200, (await call.Caller.HangUpAsync().WaitAsync(Patience, ct)).StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangUp, await call.Callee.Ended.WaitAsync(Patience, ct));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Crossing_re_INVITEs_get_491_and_both_retries_succeed(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        var callerGlare = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calleeGlare = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Caller.GlareRetryScheduled += (_, delay) => callerGlare.TrySetResult(delay);
        call.Callee.GlareRetryScheduled += (_, delay) => calleeGlare.TrySetResult(delay);
        var calleeOffer = call.Callee.CreateOffer(SdpDirection.SendOnly);

        Task<SipResponse> callerReInvite;
        Task<SipResponse> calleeReInvite;
        // The callee's core cannot take the caller's re-INVITE before its own is sent: both cross on the wire.
        using (call.Callee.EnterLock())
        {
            callerReInvite = call.Caller.ReInviteAsync(call.Caller.CreateOffer(SdpDirection.SendOnly));
            calleeReInvite = call.Callee.ReInviteAsync(calleeOffer);
        }

        var callerDelay = await callerGlare.Task.WaitAsync(Patience, ct);
        var calleeDelay = await calleeGlare.Task.WaitAsync(Patience, ct);
        // §14.1: the Call-ID owner (the caller) waits 2.1–4 s, the other side 0–2 s.
        Assert.InRange(callerDelay, TimeSpan.FromMilliseconds(2100), TimeSpan.FromSeconds(4));
        Assert.InRange(calleeDelay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.False(callerReInvite.IsCompleted || calleeReInvite.IsCompleted, "a 491 is retried, not handed back");

        call.Stacks.Time.Advance(TimeSpan.FromMilliseconds(2050));
        Assert.Equal(200, (await calleeReInvite.WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Caller, "the callee's retried re-INVITE", ct);
        Assert.False(callerReInvite.IsCompleted, "the caller retries only after 2.1 s");

        call.Stacks.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(200, (await callerReInvite.WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Callee, "the caller's retried re-INVITE", ct);

        // The callee's sendonly was answered recvonly, then the caller's sendonly offer from its old SDP (recvonly in
        // the meantime) was answered recvonly from the callee's sendonly SDP.
        Assert.Equal(SdpDirection.SendOnly, call.Caller.LocalDirection);
        Assert.Equal(SdpDirection.RecvOnly, call.Callee.LocalDirection);
        Assert.False(call.Caller.IsReInviteInProgress || call.Callee.IsReInviteInProgress);
    }

    [Fact]
    public async Task A_refused_re_INVITE_leaves_the_session_as_it_was_and_the_next_one_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(SipTransportKind.Udp, ct);
        call.Stacks.CalleeHandler.RejectReOffers = 488;

        Assert.Equal(488, (await call.Caller.HoldAsync().WaitAsync(Patience, ct)).StatusCode);

        AssertDirections(call, SdpDirection.SendRecv, SdpDirection.SendRecv);
        Assert.False(call.Caller.IsReInviteInProgress || call.Callee.IsReOfferPending);
        call.Stacks.CalleeHandler.RejectReOffers = null;
        Assert.Equal(200, (await call.Caller.HoldAsync().WaitAsync(Patience, ct)).StatusCode);
        await AckedAsync(call.Callee, "the second hold", ct);
        AssertDirections(call, SdpDirection.SendOnly, SdpDirection.RecvOnly);
    }

    [Fact]
    public async Task re_INVITE_needs_an_established_call_and_no_other_in_progress()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(SipTransportKind.Udp, ct);

        Task<SipResponse> hold;
        // The callee cannot answer while its lock is held: the hold is surely still in progress.
        using (call.Callee.EnterLock())
        {
            hold = call.Caller.HoldAsync();
            Assert.Throws<InvalidOperationException>(() => { _ = call.Caller.ResumeAsync(); });
        }
        Assert.Equal(200, (await hold.WaitAsync(Patience, ct)).StatusCode);
        Assert.Throws<ArgumentException>(() => { _ = call.Caller.HoldAsync(SdpDirection.RecvOnly); });

        await call.Caller.HangUpAsync().WaitAsync(Patience, ct);
        Assert.Throws<InvalidOperationException>(() => { _ = call.Caller.ResumeAsync(); });
    }

    private static void AssertDirections(EstablishedCall call, SdpDirection caller, SdpDirection callee)
    {
        Assert.Equal(caller, call.Caller.LocalDirection);
        Assert.Equal(callee, call.Caller.RemoteDirection);
        Assert.Equal(callee, call.Callee.LocalDirection);
        Assert.Equal(caller, call.Callee.RemoteDirection);
    }

    private static Task AckedAsync(SipCall answerer, string what, CancellationToken ct) =>
        Eventually.TrueAsync(() => !answerer.IsReOfferPending, Patience, $"the ACK for the 2xx to {what} on call {answerer.CallId}").WaitAsync(ct);
}
