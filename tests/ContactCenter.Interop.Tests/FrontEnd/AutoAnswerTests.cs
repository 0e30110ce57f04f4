using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>Ringing the phone of an agent who answers in the workspace (the profile's <see cref="AgentProfile.AutoAnswer"/>),
/// driving the front end's
/// <see cref="ICallMedia"/> directly for a call waiting in a queue nobody serves: the INVITE carries the usual
/// auto-answer headers, the phone that answers by itself hears the offer tone, and the workspace's answer connects it
/// with the caller. (Debian's baresip 1.0.0 honours neither header — it auto-answers only with its account's
/// <c>answermode=auto</c> — so the phone here is a peer built on our stack that answers every INVITE.)</summary>
public sealed class AutoAnswerTests
{
    private const string Password = "auto-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_auto_answer_invite_carries_the_headers_and_the_workspace_answer_connects_the_phone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("35000-35199");
        await using var phone = MediaPeer.Start(35400);
        await using var caller = MediaPeer.Start(35600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        const string agentId = "auto-agent";
        const string user = "auto-phone";
        var frontEnd = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort);
        await node.Documents.CreateAsync(new Queue { Id = "auto-queue", Name = "auto-queue" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7900", Name = "7900", Target = InboundNumberTargetKind.Queue, TargetId = "auto-queue" }, cancellation);
        await node.Documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = agentId,
            SipUsername = user,
            SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, user, SiteSettings.DefaultSipRealm, Password),
            AutoAnswer = true,
        }, cancellation);
        Assert.Equal(200, (await Conditions.WithinAsync(phone.RegisterAsync(frontEnd, user, Password), Wait, $"{user} registers", Diagnostics, cancellation)).StatusCode);
        var call = caller.Call(frontEnd, "7900");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation)).StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        await Eventually.TrueAsync(async () => (await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Queued, Wait, $"call {callId} queued");

        await node.Calls.RingAgentAsync(callId, new AgentLegRequest(agentId, "7900", Wait));
        await Conditions.WaitAsync(() => phone.Invites == 1 && phone.Calls.Count == 1, Wait, $"call {callId}: the phone answers by itself", Diagnostics, cancellation);
        Assert.True(phone.InvitesReceived.TryPeek(out var invite));
        Assert.EndsWith(";answer-after=0", invite.Headers.Get("Call-Info"));
        Assert.Contains(";info=alert-autoanswer", invite.Headers.Get("Alert-Info"));
        var leg = phone.Calls.Keys.Single();
        var heard = phone.PacketsReceived(leg);
        await Conditions.WaitAsync(() => phone.PacketsReceived(leg) > heard + 50, Wait, $"call {callId}: the agent hears the offer tone", Diagnostics, cancellation);

        await node.Calls.AnswerAgentAsync(callId, agentId);
        await node.Calls.BridgeAsync(callId, agentId);
        var start = (Caller: caller.PacketsReceived(call.CallId), Phone: phone.PacketsReceived(leg));
        await Conditions.WaitAsync(() => caller.PacketsReceived(call.CallId) > start.Caller + 50 && phone.PacketsReceived(leg) > start.Phone + 50,
            Wait, $"call {callId}: RTP both ways between the caller and the phone", Diagnostics, cancellation);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(leg), Wait, $"call {callId}: the phone gets a BYE", Diagnostics, cancellation);
    }
}
