using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The front end's call controls beyond an inbound call on loopback, with peers built on our stack and real
/// RTP: an agent dials out through an outbound trunk (a fake carrier), a customer is blind-transferred to a number
/// through it, a supervisor listens in, and an agent consults a second agent, then transfers or conferences.</summary>
public sealed class FrontEndCallControlTests
{
    private static readonly TimeSpan Wait = FrontEndScenario.Wait;

    [Fact]
    public async Task An_agent_dials_out_through_the_outbound_trunk_with_media_both_ways()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("25000-25199");
        await using var phone = MediaPeer.Start(25400);
        await using var carrier = MediaPeer.Start(25600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "dial-agent";
        await AddCarrierAsync(node, carrier, cancellation, dialPrefix: "9", outboundCallerId: "+15550100");
        await RegisterAgentAsync(node, phone, agentId, "dial-phone", queueId: null, Diagnostics, cancellation);

        var media = await node.Grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).PickAsync(null);
        Assert.NotNull(media);
        var callId = Guid.NewGuid().ToString("N");
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var dialled = await grain.DialAsync(new CallDial(agentId, "5550199", "7200", media));
        Assert.True(dialled.Succeeded, dialled.Message);

        // The agent's phone first; the carrier only once the agent answered.
        await Conditions.WaitAsync(() => phone.Invites == 1 && !phone.Calls.IsEmpty, Wait, $"call {callId}: the agent's phone is rung and answers", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => !carrier.Calls.IsEmpty, Wait, $"call {callId}: the carrier gets the INVITE and answers", Diagnostics, cancellation);
        Assert.True(carrier.InvitesReceived.TryPeek(out var invite));
        Assert.Equal("95550199", invite.RequestUri.User);
        Assert.Equal("+15550100", invite.From?.Uri.User);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Connected, Wait, $"call {callId} connected");
        var agentLeg = phone.Calls.Keys.Single();
        var carrierLeg = carrier.Calls.Keys.Single();
        await ExpectRtpAsync(phone, agentLeg, carrier, carrierLeg, Diagnostics, cancellation);

        await carrier.Calls[carrierLeg].HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg), Wait, $"call {callId}: the agent's phone gets a BYE", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait, $"call {callId} past the conversation");
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
    }

    [Fact]
    public async Task Dialling_out_without_an_outbound_trunk_ends_the_call()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("25200-25399");
        await using var phone = MediaPeer.Start(25800);
        string Diagnostics() => phone.Log.Tail();
        const string agentId = "no-trunk-agent";
        await RegisterAgentAsync(node, phone, agentId, "no-trunk-phone", queueId: null, Diagnostics, cancellation);

        var media = await node.Grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).PickAsync(null);
        var callId = Guid.NewGuid().ToString("N");
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        Assert.True((await grain.DialAsync(new CallDial(agentId, "5550199", "7200", media!))).Succeeded);

        await Conditions.WaitAsync(() => phone.Invites == 1 && !phone.Calls.IsEmpty, Wait, $"call {callId}: the agent's phone is rung and answers", Diagnostics, cancellation);
        var agentLeg = phone.Calls.Keys.Single();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg), Wait, $"call {callId}: the agent's phone gets a BYE", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait, $"call {callId} ended");
    }

    [Fact]
    public async Task A_blind_transfer_to_a_number_bridges_the_customer_to_the_carrier_and_drops_the_agent()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("26000-26199");
        await using var phone = MediaPeer.Start(26400);
        await using var caller = MediaPeer.Start(26600);
        await using var carrier = MediaPeer.Start(26800);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "transfer-agent";
        await AddCarrierAsync(node, carrier, cancellation, dialPrefix: "9", outboundCallerId: "+15550100");
        await RegisterAgentAsync(node, phone, agentId, "transfer-phone", "transfer-queue", Diagnostics, cancellation);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "transfer-queue", "7300", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var agentLeg = phone.Calls.Keys.Single();

        var transfer = await grain.BlindTransferAsync(agentId, new CallTransfer(new RoutingTarget(RoutingTargetKind.ExternalNumber, "5550123")));
        Assert.True(transfer.Succeeded, transfer.Message);
        await Conditions.WaitAsync(() => !carrier.Calls.IsEmpty, Wait, $"call {callId}: the transfer target answers", Diagnostics, cancellation);
        Assert.True(carrier.InvitesReceived.TryPeek(out var invite));
        Assert.Equal("95550123", invite.RequestUri.User);
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg), Wait, $"call {callId}: the agent's leg is hung up", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).EndReason == CallEndReason.Transferred, Wait, $"call {callId} ends as transferred");
        var carrierLeg = carrier.Calls.Keys.Single();
        await ExpectRtpAsync(caller, call.CallId, carrier, carrierLeg, Diagnostics, cancellation);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => carrier.HungUpByPeer.Contains(carrierLeg), Wait, $"call {callId}: the transfer target gets a BYE", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_monitoring_supervisor_hears_the_call_and_is_not_heard()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("27000-27199");
        await using var phone = MediaPeer.Start(27400, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(27600, CallParties.Caller.Frequency);
        await using var supervisorPhone = MediaPeer.Start(27800, CallParties.Supervisor.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{supervisorPhone.Log.Tail()}";
        const string agentId = "monitored-agent";
        const string supervisorId = "monitoring-supervisor";
        await RegisterAgentAsync(node, phone, agentId, "monitored-phone", "monitored-queue", Diagnostics, cancellation);
        await AddPhoneAsync(node, supervisorPhone, supervisorId, "supervisor-phone", queueId: null, Diagnostics, cancellation);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "monitored-queue", "7400", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var agentLeg = phone.Calls.Keys.Single();

        var listening = await grain.ListenInAsync(supervisorId, ListenInMode.Monitor);
        Assert.True(listening.Succeeded, listening.Message);
        await Conditions.WaitAsync(() => supervisorPhone.Invites == 1 && !supervisorPhone.Calls.IsEmpty, Wait, $"call {callId}: the supervisor's phone is rung and answers", Diagnostics, cancellation);
        var supervisorLeg = supervisorPhone.Calls.Keys.Single();
        var atStart = supervisorPhone.PacketsReceived(supervisorLeg);
        await Conditions.WaitAsync(() => supervisorPhone.PacketsReceived(supervisorLeg) > atStart + 50, Wait, $"call {callId}: the supervisor hears the call", Diagnostics, cancellation);
        // The supervisor hears both; caller and agent still hear each other through the mix, and not the supervisor.
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Supervisor, supervisorPhone, supervisorLeg, [CallParties.Caller, CallParties.Agent], []),
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent], [CallParties.Supervisor]),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller], [CallParties.Supervisor]));

        var stopped = await grain.StopListenInAsync(supervisorId);
        Assert.True(stopped.Succeeded, stopped.Message);
        await Conditions.WaitAsync(() => supervisorPhone.HungUpByPeer.Contains(supervisorLeg), Wait, $"call {callId}: the supervisor's leg is hung up", Diagnostics, cancellation);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent], [CallParties.Supervisor]),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller], [CallParties.Supervisor]));
        await call.HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg), Wait, $"call {callId}: the agent's phone gets a BYE", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_consultation_connects_the_two_agents_while_the_customer_hears_music_and_a_completed_transfer_connects_the_customer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("28000-28199");
        await using var phone = MediaPeer.Start(28400);
        await using var caller = MediaPeer.Start(28600);
        await using var secondPhone = MediaPeer.Start(28800);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{secondPhone.Log.Tail()}";
        const string agentId = "consulting-agent";
        const string secondAgentId = "consulted-agent";
        await RegisterAgentAsync(node, phone, agentId, "consulting-phone", "consult-queue", Diagnostics, cancellation);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "consult-queue", "7500", Diagnostics, cancellation);
        await RegisterAgentAsync(node, secondPhone, secondAgentId, "consulted-phone", queueId: null, Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var agentLeg = phone.Calls.Keys.Single();

        var consult = await grain.ConsultAsync(agentId, secondAgentId);
        Assert.True(consult.Succeeded, consult.Message);
        await Conditions.WaitAsync(() => secondPhone.Invites == 1 && !secondPhone.Calls.IsEmpty, Wait, $"call {callId}: the consulted agent's phone is rung and answers", Diagnostics, cancellation);
        var secondLeg = secondPhone.Calls.Keys.Single();
        await ExpectRtpAsync(phone, agentLeg, secondPhone, secondLeg, Diagnostics, cancellation);
        var music = caller.PacketsReceived(call.CallId);
        await Conditions.WaitAsync(() => caller.PacketsReceived(call.CallId) > music + 50, Wait, $"call {callId}: the held customer hears music", Diagnostics, cancellation);

        var completed = await grain.CompleteTransferAsync(agentId);
        Assert.True(completed.Succeeded, completed.Message);
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg), Wait, $"call {callId}: the first agent's leg is hung up", Diagnostics, cancellation);
        await ExpectRtpAsync(caller, call.CallId, secondPhone, secondLeg, Diagnostics, cancellation);
        await call.HangUpAsync();
        await Conditions.WaitAsync(() => secondPhone.HungUpByPeer.Contains(secondLeg), Wait, $"call {callId}: the second agent's phone gets a BYE", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_conference_mixes_the_customer_and_both_agents_and_holding_it_leaves_the_agents_talking()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("29000-29199");
        await using var phone = MediaPeer.Start(29400, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(29600, CallParties.Caller.Frequency);
        await using var secondPhone = MediaPeer.Start(29800, CallParties.SecondAgent.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{secondPhone.Log.Tail()}";
        const string agentId = "conferencing-agent";
        const string secondAgentId = "conferenced-agent";
        await RegisterAgentAsync(node, phone, agentId, "conferencing-phone", "conference-queue", Diagnostics, cancellation);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "conference-queue", "7600", Diagnostics, cancellation);
        await RegisterAgentAsync(node, secondPhone, secondAgentId, "conferenced-phone", queueId: null, Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var agentLeg = phone.Calls.Keys.Single();
        Assert.True((await grain.ConsultAsync(agentId, secondAgentId)).Succeeded);
        await Conditions.WaitAsync(() => secondPhone.Invites == 1 && !secondPhone.Calls.IsEmpty, Wait, $"call {callId}: the consulted agent's phone is rung and answers", Diagnostics, cancellation);
        var secondLeg = secondPhone.Calls.Keys.Single();
        await ExpectRtpAsync(phone, agentLeg, secondPhone, secondLeg, Diagnostics, cancellation);

        var conference = await grain.ConferenceAsync(agentId);
        Assert.True(conference.Succeeded, conference.Message);
        // Each party hears the other two (and not their own voice back).
        await ExpectRtpAsync(caller, call.CallId, phone, agentLeg, Diagnostics, cancellation);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent, CallParties.SecondAgent], [CallParties.Caller]),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller, CallParties.SecondAgent], [CallParties.Agent]),
            new(CallParties.SecondAgent, secondPhone, secondLeg, [CallParties.Caller, CallParties.Agent], [CallParties.SecondAgent]));

        // Held, the customer hears the music and neither agent, and the agents talk on their own; retrieved, the three
        // talk again.
        Assert.True((await grain.HoldAsync(agentId)).Changed);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [], [CallParties.Agent, CallParties.SecondAgent, CallParties.Caller]),
            new(CallParties.Agent, phone, agentLeg, [CallParties.SecondAgent], [CallParties.Caller, CallParties.Agent]),
            new(CallParties.SecondAgent, secondPhone, secondLeg, [CallParties.Agent], [CallParties.Caller, CallParties.SecondAgent]));
        Assert.True((await grain.RetrieveAsync(agentId)).Changed);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent, CallParties.SecondAgent], [CallParties.Caller]),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller, CallParties.SecondAgent], [CallParties.Agent]),
            new(CallParties.SecondAgent, secondPhone, secondLeg, [CallParties.Caller, CallParties.Agent], [CallParties.SecondAgent]));

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg) && secondPhone.HungUpByPeer.Contains(secondLeg), Wait,
            $"call {callId}: both agents' phones get a BYE", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
    }

}
