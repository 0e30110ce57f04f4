using System.Collections.Concurrent;
using ContactCenter.Contracts.Calls;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>An agent transfers with the phone's transfer key (REFER): to another agent by SIP user name, who then talks
/// to the customer while the first phone hears the transfer succeed and is hung up; to nothing known, which the phone
/// hears fail while the call stays with it.</summary>
public sealed class PhoneTransferTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_phone_transfers_its_call_to_another_agent_by_sip_user_name()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("46000-46199");
        await using var phone = MediaPeer.Start(46200, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(46400, CallParties.Caller.Frequency);
        await using var secondPhone = MediaPeer.Start(46600, CallParties.SecondAgent.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{secondPhone.Log.Tail()}";
        await FrontEndScenario.RegisterAgentAsync(node, phone, "referring-agent", "referring-phone", "refer-queue", Diagnostics, cancellation);
        await FrontEndScenario.RegisterAgentAsync(node, secondPhone, "referred-agent", "referred-phone", queueId: null, Diagnostics, cancellation);
        var (call, callId) = await FrontEndScenario.ConnectCallerAsync(node, caller, phone, "refer-queue", "7900", Diagnostics, cancellation);
        var agentLeg = phone.Calls.Single().Value;
        var progress = Watch(agentLeg);

        var refer = await Conditions.WithinAsync(agentLeg.TransferAsync(SipUri.Parse($"sip:referred-phone@127.0.0.1:{node.SipPort}")), Wait,
            "the front end answers the REFER", Diagnostics, cancellation);

        Assert.Equal(202, refer.StatusCode);
        await Conditions.WaitAsync(() => secondPhone.Invites == 1 && !secondPhone.Calls.IsEmpty, Wait, $"call {callId}: the second agent's phone is rung and answers", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => progress.Any(p => p.IsFinal), Wait, $"call {callId}: the REFER's final NOTIFY", Diagnostics, cancellation);
        Assert.Equal(200, progress.Single(p => p.IsFinal).StatusCode);
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg.CallId), Wait, $"call {callId}: the first phone is hung up", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()) is { Phase: CallPhase.Connected, AgentId: "referred-agent" }, Wait,
            $"call {callId} connected to the second agent");
        var secondLeg = secondPhone.Calls.Keys.Single();
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Caller, caller, call.CallId, [CallParties.SecondAgent], [CallParties.Agent]),
            new(CallParties.SecondAgent, secondPhone, secondLeg, [CallParties.Caller], []));

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => secondPhone.HungUpByPeer.Contains(secondLeg), Wait, $"call {callId}: the second agent's phone gets a BYE", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_phone_transfer_to_an_unknown_name_fails_and_the_call_stays_with_the_phone()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("46800-46999");
        await using var phone = MediaPeer.Start(47000, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(47200, CallParties.Caller.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await FrontEndScenario.RegisterAgentAsync(node, phone, "misdialling-agent", "misdialling-phone", "misdial-queue", Diagnostics, cancellation);
        var (call, callId) = await FrontEndScenario.ConnectCallerAsync(node, caller, phone, "misdial-queue", "7901", Diagnostics, cancellation);
        var agentLeg = phone.Calls.Single().Value;
        var progress = Watch(agentLeg);

        var refer = await Conditions.WithinAsync(agentLeg.TransferAsync(SipUri.Parse($"sip:nobody-here@127.0.0.1:{node.SipPort}")), Wait,
            "the front end answers the REFER", Diagnostics, cancellation);

        Assert.Equal(202, refer.StatusCode);
        await Conditions.WaitAsync(() => progress.Any(p => p.IsFinal), Wait, $"call {callId}: the REFER's final NOTIFY", Diagnostics, cancellation);
        Assert.Equal(404, progress.Single(p => p.IsFinal).StatusCode);
        var status = await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync();
        Assert.Equal((CallPhase.Connected, "misdialling-agent"), (status.Phase, status.AgentId));
        await FrontEndScenario.ExpectRtpAsync(caller, call.CallId, phone, agentLeg.CallId, Diagnostics, cancellation);
        Assert.DoesNotContain(agentLeg.CallId, phone.HungUpByPeer);
        await call.HangUpAsync();
    }

    private static ConcurrentQueue<SipTransferProgress> Watch(SipCall call)
    {
        var progress = new ConcurrentQueue<SipTransferProgress>();
        call.TransferProgress += (_, report) => progress.Enqueue(report);
        return progress;
    }
}
