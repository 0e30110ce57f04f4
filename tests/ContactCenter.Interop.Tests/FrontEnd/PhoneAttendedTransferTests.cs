using System.Collections.Concurrent;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Host.Telephony;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>An attended transfer from the agent's phone (REFER with Replaces): the agent talks to a customer, dials a
/// number from the phone (the consultation, through the outbound trunk to a <see cref="MediaPeer"/> carrier), and
/// transfers; the customer and the carrier then hear each other, the phone is told the transfer succeeded and is hung up
/// on both calls, the customer's call ends as transferred and the consultation is marked with the call it went into.
/// RTP ports 42600–42999.</summary>
public sealed class PhoneAttendedTransferTests
{
    [Fact]
    public async Task A_phone_transfers_its_customer_to_the_number_it_consulted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("42600-42699");
        await using var phone = MediaPeer.Start(42700, CallParties.Agent.Frequency, rtpPorts: 100);
        await using var caller = MediaPeer.Start(42800, CallParties.Caller.Frequency, rtpPorts: 100);
        await using var carrier = MediaPeer.Start(42900, CallParties.SecondAgent.Frequency, rtpPorts: 100);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{carrier.Log.Tail()}";
        const string agentId = "attended-agent";
        const string user = "attended-phone";
        await AddCarrierAsync(node, carrier, cancellation);
        await node.Documents.CreateAsync(new Queue { Id = "attended-queue", Name = "attended-queue" }, cancellation);
        // The consultation takes no second voice slot: the agent's one is the customer's call's.
        await node.Documents.CreateAsync(PhoneProfile(agentId, user, "attended-queue"), cancellation);
        await RegisterPhoneAsync(node, phone, user, Diagnostics, cancellation);
        Assert.True((await node.Grains.GetGrain<IAgentGrain>(agentId).LogInAsync()).Succeeded);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "attended-queue", "7420", Diagnostics, cancellation);
        var customerLeg = phone.Calls.Single().Value;

        var consultation = await Conditions.WithinAsync(phone.CallAsPhoneAsync(Udp(node), "5550170", user, Password), Wait,
            "the phone's consultation INVITE is challenged", Diagnostics, cancellation);
        Assert.Equal(200, (await Conditions.WithinAsync(consultation.Answered, Wait, "the consulted number answers", Diagnostics, cancellation)).StatusCode);
        var consultationId = node.Calls.FindCallId(consultation.CallId);
        Assert.NotNull(consultationId);
        await Conditions.WaitAsync(() => !carrier.Calls.IsEmpty, Wait, "the carrier's call is established", Diagnostics, cancellation);
        var carrierLeg = carrier.Calls.Keys.Single();
        var progress = new ConcurrentQueue<SipTransferProgress>();
        customerLeg.TransferProgress += (_, report) => progress.Enqueue(report);

        var refer = await Conditions.WithinAsync(customerLeg.TransferAsync(SipUri.Parse($"sip:5550170@127.0.0.1:{node.SipPort}"), consultation), Wait,
            "the front end answers the REFER", Diagnostics, cancellation);

        Assert.Equal(202, refer.StatusCode);
        await Conditions.WaitAsync(() => progress.Any(p => p.IsFinal), Wait, $"call {callId}: the REFER's final NOTIFY", Diagnostics, cancellation);
        Assert.Equal(200, progress.Single(p => p.IsFinal).StatusCode);
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(customerLeg.CallId) && phone.HungUpByPeer.Contains(consultation.CallId), Wait,
            "the phone is hung up on both calls", Diagnostics, cancellation);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [CallParties.SecondAgent], [CallParties.Agent]),
            new(CallParties.SecondAgent, carrier, carrierLeg, [CallParties.Caller], [CallParties.Agent]));
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait, $"call {callId} past the conversation");
        var consulted = node.Grains.GetGrain<ICallGrain>(consultationId);
        await Eventually.TrueAsync(async () => (await consulted.GetStatusAsync()).Phase is CallPhase.WrapUp or CallPhase.Ended, Wait,
            $"consultation {consultationId} past the conversation");
        Assert.Equal(callId, (await consulted.GetStatusAsync()).Attributes[FrontEndCalls.TransferredIntoAttribute]);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => carrier.HungUpByPeer.Contains(carrierLeg), Wait, $"call {callId}: the carrier gets a BYE", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"call {callId}: the front end let both calls go", Diagnostics, cancellation);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).EndReason == CallEndReason.Transferred, Wait, $"call {callId} ends as transferred");
    }
}
