using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Host.Telephony;
using ContactCenter.Sip.Messages;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>Agents' phones place calls (issue 7): the front end challenges a phone's INVITE with digest (401) and
/// forbids a wrong password (403); an authenticated phone dials an external number through the outbound trunk (a
/// <see cref="MediaPeer"/> as the carrier), hears it ring and talks, and either side hangs up; a busy carrier refuses the
/// phone with 486 and leaves the agent free; a cancel while the number rings ends the call; a configured number dialled
/// from the phone is an ordinary inbound call, another agent's SIP user name an internal call to that agent. RTP ports
/// 41000–42299.</summary>
public sealed class PhoneDialTests
{
    [Fact]
    public async Task A_phone_without_credentials_is_challenged_and_a_wrong_password_is_forbidden()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("41000-41099");
        await using var phone = MediaPeer.Start(41100, rtpPorts: 100);
        string Diagnostics() => phone.Log.Tail();
        await AddPhoneAsync(node, phone, "challenged-agent", "challenged-phone", queueId: null, Diagnostics, cancellation);

        var unauthenticated = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550142", "challenged-phone", password: null), Wait,
            "the front end answers the phone's INVITE", Diagnostics, cancellation);
        var challenge = await unauthenticated.Answered;
        Assert.Equal(401, challenge.StatusCode);
        Assert.Contains(challenge.Headers.GetValues(SipHeaderNames.WwwAuthenticate), v => v.Contains($"realm=\"{Realm}\"", StringComparison.Ordinal));

        var wrong = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550142", "challenged-phone", "not-the-password"), Wait,
            "the front end challenges the phone's INVITE", Diagnostics, cancellation);
        var forbidden = await Conditions.WithinAsync(wrong.Answered, Wait, "the front end answers the retry", Diagnostics, cancellation);
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal(0, node.Calls.CallCount);
    }

    [Fact]
    public async Task An_authenticated_phone_dials_an_external_number_through_the_trunk_and_the_carrier_hangs_up()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("41200-41299");
        await using var phone = MediaPeer.Start(41300, CallParties.Agent.Frequency, rtpPorts: 100);
        await using var carrier = MediaPeer.Start(41400, CallParties.Caller.Frequency, rtpPorts: 100);
        string Diagnostics() => $"{phone.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "phone-dial-agent";
        await AddCarrierAsync(node, carrier, cancellation, dialPrefix: "9");
        await RegisterAgentAsync(node, phone, agentId, "phone-dial-phone", queueId: null, Diagnostics, cancellation);

        var call = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550142", "phone-dial-phone", Password), Wait,
            "the phone's INVITE is challenged", Diagnostics, cancellation);
        var answered = await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the phone once the carrier answered", Diagnostics, cancellation);

        Assert.Equal(200, answered.StatusCode);
        Assert.Contains(call.ProvisionalResponses, r => r.StatusCode == 180);
        Assert.Equal(0, phone.Invites); // the phone is not rung back
        Assert.True(carrier.InvitesReceived.TryPeek(out var invite));
        Assert.Equal("95550142", invite.RequestUri.User);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        await ConnectedAsync(node, callId);
        var status = await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync();
        Assert.Equal((CallDirection.Outbound, agentId), (status.Direction, status.AgentId));
        await Conditions.WaitAsync(() => !carrier.Calls.IsEmpty, Wait, "the carrier's call is established", Diagnostics, cancellation);
        var carrierLeg = carrier.Calls.Keys.Single();
        await ExpectRtpAsync(phone, call.CallId, carrier, carrierLeg, Diagnostics, cancellation);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Agent, phone, call.CallId, [CallParties.Caller], [CallParties.Agent]),
            new(CallParties.Caller, carrier, carrierLeg, [CallParties.Agent], [CallParties.Caller]));

        await carrier.Calls[carrierLeg].HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(call.CallId), Wait, $"call {callId}: the phone gets a BYE", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
        var events = await JournalOfAsync(node.Journal, callId);
        Assert.Equal(["CallDialed", "ExternalDialStarted", "CallConnected", "ConversationEnded"],
            events.Where(e => e is "CallDialed" or "ExternalDialStarted" or "CallConnected" or "ConversationEnded"));
        Assert.Contains("CallAttributeSet", events);
    }

    [Fact]
    public async Task A_busy_carrier_refuses_the_phone_with_486_and_the_agent_dials_again_and_hangs_up_from_the_phone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("41500-41599");
        await using var phone = MediaPeer.Start(41600, rtpPorts: 100);
        await using var carrier = MediaPeer.Start(41700, rtpPorts: 100);
        string Diagnostics() => $"{phone.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "busy-dial-agent";
        await AddCarrierAsync(node, carrier, cancellation, dialPrefix: "9");
        await RegisterAgentAsync(node, phone, agentId, "busy-dial-phone", queueId: null, Diagnostics, cancellation);
        carrier.AnswerWith = 486;

        var busy = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550143", "busy-dial-phone", Password), Wait,
            "the phone's INVITE is challenged", Diagnostics, cancellation);
        var refused = await Conditions.WithinAsync(busy.Answered, Wait, "the front end refuses the phone", Diagnostics, cancellation);

        Assert.Equal(486, refused.StatusCode);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, "the front end let the busy call go", Diagnostics, cancellation);
        var agent = node.Grains.GetGrain<IAgentGrain>(agentId);
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"agent {agentId} free again");

        carrier.AnswerWith = 200;
        var call = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550144", "busy-dial-phone", Password), Wait,
            "the phone's second INVITE is challenged", Diagnostics, cancellation);
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the second call connects", Diagnostics, cancellation)).StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        await Conditions.WaitAsync(() => !carrier.Calls.IsEmpty, Wait, "the carrier's call is established", Diagnostics, cancellation);
        var carrierLeg = carrier.Calls.Keys.Single();
        await ExpectRtpAsync(phone, call.CallId, carrier, carrierLeg, Diagnostics, cancellation);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => carrier.HungUpByPeer.Contains(carrierLeg), Wait, $"call {callId}: the carrier gets a BYE", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait, $"call {callId} past the conversation");
        Assert.Contains("ConversationEnded", await JournalOfAsync(node.Journal, callId));
    }

    [Fact]
    public async Task A_phone_cancelling_while_the_number_rings_ends_the_call_and_the_carrier_is_cancelled()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("41800-41899");
        await using var phone = MediaPeer.Start(41900, rtpPorts: 100);
        await using var carrier = MediaPeer.Start(42000, rtpPorts: 100);
        string Diagnostics() => $"{phone.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "cancel-dial-agent";
        await AddCarrierAsync(node, carrier, cancellation, dialPrefix: "9");
        await RegisterAgentAsync(node, phone, agentId, "cancel-dial-phone", queueId: null, Diagnostics, cancellation);
        carrier.AnswerWith = 180;

        var call = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550145", "cancel-dial-phone", Password), Wait,
            "the phone's INVITE is challenged", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => carrier.Invites == 1 && call.ProvisionalResponses.Any(r => r.StatusCode == 180), Wait,
            "the carrier rings and the phone hears it", Diagnostics, cancellation);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        Assert.True(call.Cancel());

        Assert.Equal(487, (await Conditions.WithinAsync(call.Answered, Wait, "the phone's INVITE ends", Diagnostics, cancellation)).StatusCode);
        await Conditions.WaitAsync(() => carrier.CancelledByPeer.Count == 1, Wait, $"call {callId}: the carrier's INVITE is cancelled", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} ended");
        Assert.Equal(CallEndReason.Failed, (await grain.GetStatusAsync()).EndReason);
        await Eventually.TrueAsync(async () => (await node.Grains.GetGrain<IAgentGrain>(agentId).GetStatusAsync()).Work.IsEmpty, Wait, $"agent {agentId} free again");
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_phone_dialling_the_IVR_number_arrives_as_an_inbound_call()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("42100-42199");
        await using var phone = MediaPeer.Start(42200, rtpPorts: 100);
        string Diagnostics() => phone.Log.Tail();
        const string agentId = "ivr-test-agent";
        await node.Documents.CreateAsync(new Queue { Id = "ivr-test-queue", Name = "IVR test queue" }, cancellation);
        await node.Documents.CreateAsync(new IvrTree
        {
            Id = "ivr-test-tree",
            Name = "IVR test",
            StartNodeId = "queue",
            Nodes = [new IvrQueueNode { Id = "queue", QueueId = "ivr-test-queue" }],
        }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7410", Name = "7410", Target = InboundNumberTargetKind.IvrTree, TargetId = "ivr-test-tree" }, cancellation);
        await AddPhoneAsync(node, phone, agentId, "ivr-test-phone", queueId: null, Diagnostics, cancellation);

        var call = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "7410", "ivr-test-phone", Password), Wait,
            "the phone's INVITE is challenged", Diagnostics, cancellation);
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the IVR answers the phone", Diagnostics, cancellation)).StatusCode);

        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Queued, Wait, $"call {callId} queued by the IVR");
        var status = await grain.GetStatusAsync();
        Assert.Equal((CallDirection.Inbound, "ivr-test-phone"), (status.Direction, status.From));
        Assert.Equal(agentId, status.Attributes[FrontEndCalls.AgentPhoneAttribute]);
        Assert.Contains("CallEnteredIvr", await JournalOfAsync(node.Journal, callId));

        await call.HangUpAsync();
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} ended");
    }

    [Fact]
    public async Task A_phone_calls_another_agent_by_sip_user_name_as_an_internal_call_that_keeps_the_caller_busy()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // The ports of the external dial test: tests of one class run one at a time.
        await using var node = await FrontEndNode.StartAsync("41200-41299");
        await using var phone = MediaPeer.Start(41300, rtpPorts: 100);
        await using var calledPhone = MediaPeer.Start(41400, rtpPorts: 100);
        string Diagnostics() => $"{phone.Log.Tail()}\n{calledPhone.Log.Tail()}";
        await RegisterAgentAsync(node, phone, "calling-agent", "calling-phone", queueId: null, Diagnostics, cancellation);
        await RegisterAgentAsync(node, calledPhone, "called-agent", "called-phone", queueId: null, Diagnostics, cancellation);
        var callingAgent = node.Grains.GetGrain<IAgentGrain>("calling-agent");

        var call = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "called-phone", "calling-phone", Password), Wait,
            "the phone's INVITE is challenged", Diagnostics, cancellation);
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the calling phone", Diagnostics, cancellation)).StatusCode);
        await Conditions.WaitAsync(() => calledPhone.Invites == 1 && !calledPhone.Calls.IsEmpty, Wait, "the called agent's phone is rung and answers",
            Diagnostics, cancellation);

        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        await ConnectedAsync(node, callId);
        var status = await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync();
        Assert.Equal((CallDirection.Inbound, "calling-phone", "called-agent"), (status.Direction, status.From, status.AgentId));
        Assert.Equal("calling-agent", status.Attributes[FrontEndCalls.AgentPhoneAttribute]);
        // The calling agent talks on the call: no other work is offered to it meanwhile.
        Assert.Equal([callId], (await callingAgent.GetStatusAsync()).Work.Select(w => w.WorkId));
        var calledLeg = calledPhone.Calls.Keys.Single();
        await ExpectRtpAsync(phone, call.CallId, calledPhone, calledLeg, Diagnostics, cancellation);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => calledPhone.HungUpByPeer.Contains(calledLeg), Wait, $"call {callId}: the called phone gets a BYE", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await callingAgent.GetStatusAsync()).Work.IsEmpty, Wait, "the calling agent free again");
    }


    /// <summary>The event types of the call's journal stream, in order.</summary>
    private static async Task<List<string>> JournalOfAsync(IEventJournal journal, string callId)
    {
        var events = new List<string>();
        for (long after = 0; ;)
        {
            var page = await journal.ReadAllAsync(after, 500);
            if (page.Count == 0)
            {
                return events;
            }
            events.AddRange(page.Where(r => r.StreamId.EndsWith("/" + callId, StringComparison.Ordinal)).Select(r => r.EventType));
            after = page[^1].Position;
        }
    }
}
