using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Host.Telephony;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>Persistent agent lines (CALL-4) with peers built on our stack and real RTP: the front end calls the agent's
/// phone once at log-in, bridges successive calls into that one leg (the agent takes an offer with the accept key or from
/// the workspace), hangs the line up at log-out, and reaches a mobile number through the outbound trunk; a line the
/// phone hangs up pauses the agent.</summary>
public sealed class PersistentLineTests
{
    private const string Realm = SiteSettings.DefaultSipRealm;
    private const string Password = "line-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Persistent_line_mode_bridges_two_successive_calls_into_one_agent_leg()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("33000-33199");
        await using var phone = MediaPeer.Start(33400);
        await using var caller = MediaPeer.Start(33600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        const string agentId = "line-agent";
        const string user = "line-phone";
        await AddLineAgentAsync(node, agentId, "line-queue", "7700", sipUser: user, phoneNumber: null, cancellation);
        var registered = await Conditions.WithinAsync(phone.RegisterAsync(FrontEnd(node), user, Password), Wait, $"{user} registers", Diagnostics, cancellation);
        Assert.Equal(200, registered.StatusCode);
        var agent = node.Grains.GetGrain<IAgentGrain>(agentId);

        Assert.True((await agent.LogInAsync()).Succeeded);
        await Conditions.WaitAsync(() => phone.Invites == 1 && phone.Calls.Count == 1, Wait, "the front end calls the phone once for the line", Diagnostics, cancellation);
        var line = phone.Calls.Keys.Single();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Line == AgentLineState.Up, Wait, $"agent {agentId}'s line up");

        // The first call: the agent takes the offer with the accept key on the phone.
        var (first, firstId) = await CallAsync(node, caller, "7700", Diagnostics, cancellation);
        await phone.SendDigitsAsync(line, FrontEndCalls.AcceptDigit.ToString());
        await ConnectedAsync(node, firstId);
        await ExpectRtpAsync(caller, first.CallId, phone, line, Diagnostics, cancellation);
        await first.HangUpAsync();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"call {firstId}: agent {agentId} free again");

        // The second call: the agent answers in the workspace; the same leg carries it.
        var (second, secondId) = await CallAsync(node, caller, "7700", Diagnostics, cancellation);
        Assert.True((await node.Grains.GetGrain<ICallGrain>(secondId).AnswerAsync(agentId)).Succeeded);
        await ConnectedAsync(node, secondId);
        await ExpectRtpAsync(caller, second.CallId, phone, line, Diagnostics, cancellation);
        await second.HangUpAsync();
        Assert.Equal(1, phone.Invites);
        Assert.Empty(phone.HungUpByPeer);

        await Eventually.TrueAsync(async () => (await agent.LogOutAsync("end of shift")).Succeeded, Wait, $"agent {agentId} logs out");
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(line), Wait, "the line is hung up at log-out", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.LineCount == 0 && node.Calls.CallCount == 0, Wait, "the front end let the line and the calls go",
            Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_line_to_a_mobile_number_goes_through_the_outbound_trunk_and_its_hang_up_pauses_the_agent()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("34000-34199");
        await using var mobile = MediaPeer.Start(34400); // the carrier, answering for the agent's mobile
        await using var caller = MediaPeer.Start(34600);
        string Diagnostics() => $"{mobile.Log.Tail()}\n{caller.Log.Tail()}";
        const string agentId = "mobile-agent";
        await node.Documents.CreateAsync(new Trunk
        {
            Id = "carrier",
            Name = "Fake carrier",
            Host = mobile.Udp.Host,
            Port = mobile.Udp.Port,
            Inbound = false,
            Outbound = true,
            DialPrefix = "9",
        }, cancellation);
        await AddLineAgentAsync(node, agentId, "mobile-queue", "7800", sipUser: null, phoneNumber: "5550177", cancellation);
        var agent = node.Grains.GetGrain<IAgentGrain>(agentId);

        Assert.True((await agent.LogInAsync()).Succeeded);
        await Conditions.WaitAsync(() => mobile.Invites == 1 && mobile.Calls.Count == 1, Wait, "the front end dials the mobile once", Diagnostics, cancellation);
        Assert.True(mobile.InvitesReceived.TryPeek(out var invite));
        Assert.Equal("95550177", invite.RequestUri.User);
        var line = mobile.Calls.Keys.Single();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Line == AgentLineState.Up, Wait, $"agent {agentId}'s line up");

        var (call, callId) = await CallAsync(node, caller, "7800", Diagnostics, cancellation);
        Assert.True((await node.Grains.GetGrain<ICallGrain>(callId).AnswerAsync(agentId)).Succeeded);
        await ConnectedAsync(node, callId);
        await ExpectRtpAsync(caller, call.CallId, mobile, line, Diagnostics, cancellation);
        await call.HangUpAsync();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"call {callId}: agent {agentId} free again");

        // The agent hangs up the mobile: the line is gone, and so are offers until the agent resumes.
        await mobile.Calls[line].HangUpAsync();
        await Eventually.TrueAsync(async () => await agent.GetStatusAsync() is { Presence: Presence.Paused, PauseCodeId: AgentRules.LineLostPauseCode, Line: AgentLineState.None },
            Wait, $"agent {agentId} paused for the lost line");
        await Conditions.WaitAsync(() => node.Calls.LineCount == 0, Wait, "the front end let the line go", Diagnostics, cancellation);
        Assert.True((await agent.LogOutAsync(null)).Succeeded);
    }

    private static SipEndPoint FrontEnd(FrontEndNode node) => new(SipTransportKind.Udp, "127.0.0.1", node.SipPort);

    /// <summary>A queue with an inbound number and an agent with a persistent line serving it.</summary>
    private static async Task AddLineAgentAsync(FrontEndNode node, string agentId, string queueId, string number, string? sipUser,
        string? phoneNumber, CancellationToken cancellation)
    {
        await node.Documents.CreateAsync(new Queue { Id = queueId, Name = queueId }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = number, Name = number, Target = InboundNumberTargetKind.Queue, TargetId = queueId }, cancellation);
        await node.Documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = agentId,
            Queues = [new QueueMembership(queueId)],
            LineMode = LineMode.PersistentLine,
            Phone = phoneNumber,
            SipUsername = sipUser,
            SipPasswordMd5Ha1 = sipUser is null ? null : SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, sipUser, Realm, Password),
        }, cancellation);
    }

    /// <summary>A caller dials the queue's number; the call is answered and rings for the agent.</summary>
    private static async Task<(SipOutgoingCall Call, string CallId)> CallAsync(FrontEndNode node, MediaPeer caller, string number,
        Func<string> diagnostics, CancellationToken cancellation)
    {
        var call = caller.Call(FrontEnd(node), number);
        var answered = await Conditions.WithinAsync(call.Answered, Wait, $"the front end answers the caller of {number}", diagnostics, cancellation);
        Assert.Equal(200, answered.StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Ringing, Wait, $"call {callId} offered to the agent");
        return (call, callId);
    }

    private static Task ConnectedAsync(FrontEndNode node, string callId) =>
        Eventually.TrueAsync(async () => (await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Connected,
            Wait, $"call {callId} connected");

    /// <summary>At least a second more of 20 ms frames (50 packets) received at both ends.</summary>
    private static async Task ExpectRtpAsync(MediaPeer a, string aLeg, MediaPeer b, string bLeg, Func<string> diagnostics, CancellationToken cancellation)
    {
        var start = (A: a.PacketsReceived(aLeg), B: b.PacketsReceived(bLeg));
        await Conditions.WaitAsync(() => a.PacketsReceived(aLeg) > start.A + 50 && b.PacketsReceived(bLeg) > start.B + 50,
            Wait, $"RTP both ways (from {start.A} and {start.B})", diagnostics, cancellation);
    }
}
