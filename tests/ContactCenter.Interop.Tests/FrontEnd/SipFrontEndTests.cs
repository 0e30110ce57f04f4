using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The host's sip role end to end on loopback: an agent's phone registers with digest auth against its agent
/// profile, a caller dials an inbound number of a queue, the front end rings the phone, bridges real RTP both ways and
/// ends the call on the caller's BYE; unknown numbers get 404 and wrong passwords 403.</summary>
public sealed class SipFrontEndTests
{
    private const string Realm = SiteSettings.DefaultSipRealm;
    private const string Password = "phone-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_caller_reaches_the_registered_agent_phone_through_the_queue_with_media_both_ways()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("24000-24199");
        const string agentId = "interop-agent";
        const string user = "interop-phone";
        const string queueId = "interop-queue";
        await node.Documents.CreateAsync(new Queue { Id = queueId, Name = "Interop" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7200", Name = "Interop line", Target = InboundNumberTargetKind.Queue, TargetId = queueId }, cancellation);
        await node.Documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = "Interop agent",
            Queues = [new QueueMembership(queueId)],
            SipUsername = user,
            SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, user, Realm, Password),
            SipPasswordSha256Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, user, Realm, Password),
        }, cancellation);
        var frontEnd = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort);
        await using var phone = MediaPeer.Start(24400);
        await using var caller = MediaPeer.Start(24600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";

        var registered = await Conditions.WithinAsync(phone.RegisterAsync(frontEnd, user, Password), Wait, "REGISTER with digest auth", Diagnostics, cancellation);
        Assert.Equal(200, registered.StatusCode);
        Assert.True((await node.Grains.GetGrain<IAgentGrain>(agentId).LogInAsync()).Succeeded);

        var call = caller.Call(frontEnd, "7200");
        var answered = await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation);
        Assert.Equal(200, answered.StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);

        await Conditions.WaitAsync(() => phone.Invites == 1 && !phone.Calls.IsEmpty, Wait, "the agent's phone is rung and answers", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Connected, Wait, $"call {callId} connected");
        var agentCallId = phone.Calls.Keys.Single();
        // The phone shows who calls: the caller's number (the From user of its INVITE) is the agent INVITE's From user.
        Assert.True(phone.InvitesReceived.TryPeek(out var agentInvite));
        Assert.Equal((await grain.GetStatusAsync()).From, agentInvite.From?.Uri.User);
        var atConnect = (Caller: caller.PacketsReceived(call.CallId), Agent: phone.PacketsReceived(agentCallId));
        // 50 packets = 1 s of 20 ms frames through the bridge, each way.
        await Conditions.WaitAsync(
            () => caller.PacketsReceived(call.CallId) > atConnect.Caller + 50 && phone.PacketsReceived(agentCallId) > atConnect.Agent + 50,
            Wait, $"RTP both ways through the bridge (at connect caller {atConnect.Caller}, agent {atConnect.Agent})", Diagnostics, cancellation);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentCallId), Wait, "the agent's phone gets a BYE", Diagnostics, cancellation);
        // The queue sets no wrap-up time unless configured: the conversation's end may end the call at once.
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait, $"call {callId} past the conversation");
        if ((await grain.GetStatusAsync()).Phase == CallPhase.WrapUp)
        {
            Assert.True((await grain.FinishWrapUpAsync(agentId)).Succeeded);
        }
        var ended = await grain.GetStatusAsync();
        Assert.Equal(CallPhase.Ended, ended.Phase);
        Assert.Equal(0, node.Calls.CallCount);
    }

    [Fact]
    public async Task An_invite_to_an_unknown_number_gets_404_and_a_wrong_password_403()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("24200-24399");
        await using var peer = MediaPeer.Start(24800);
        var frontEnd = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort);
        string Diagnostics() => peer.Log.Tail();

        var call = peer.Call(frontEnd, "7999");
        var refused = await Conditions.WithinAsync(call.Answered, Wait, "the answer to an unknown number", Diagnostics, cancellation);
        Assert.Equal(404, refused.StatusCode);

        // The demo's agent1 has a SIP account; this is not its password.
        var register = await Conditions.WithinAsync(peer.RegisterAsync(frontEnd, "agent1", "wrong"), Wait, "REGISTER with a wrong password", Diagnostics, cancellation);
        Assert.Equal(403, register.StatusCode);
    }
}
