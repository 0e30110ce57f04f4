using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A ring-per-call agent logged in without a registered phone: the front end cannot ring it, so the call goes
/// on to the agent whose phone is registered, and the first agent is paused as <c>phone-unreachable</c> without a miss.</summary>
public sealed class UnregisteredPhoneTests
{
    private static readonly TimeSpan Wait = FrontEndScenario.Wait;

    [Fact]
    public async Task An_agent_without_a_registered_phone_is_paused_and_the_call_rings_the_next_agent()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("51600-51799");
        await using var phone = MediaPeer.Start(52000);
        await using var caller = MediaPeer.Start(52200);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await node.Documents.CreateAsync(new Queue { Id = "unregistered", Name = "Unregistered" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7320", Name = "7320", Target = InboundNumberTargetKind.Queue, TargetId = "unregistered" }, cancellation);
        await node.Documents.CreateAsync(PhoneProfile("no-phone", "no-phone", "unregistered"), cancellation);
        await node.Documents.CreateAsync(PhoneProfile("with-phone", "with-phone", "unregistered"), cancellation);
        await RegisterPhoneAsync(node, phone, "with-phone", Diagnostics, cancellation);
        var unregistered = node.Grains.GetGrain<IAgentGrain>("no-phone");
        Assert.True((await unregistered.LogInAsync()).Succeeded);

        var (call, callId) = await DialAsync(node, caller, "7320", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await unregistered.GetStatusAsync()).Presence == Presence.Paused, Wait,
            $"call {callId}: the agent without a phone is paused");
        var paused = await unregistered.GetStatusAsync();
        Assert.Equal(("phone-unreachable", 0), (paused.PauseCodeId, paused.Counters.Missed));
        Assert.Empty(paused.Work);
        Assert.Equal(CallPhase.Queued, (await grain.GetStatusAsync()).Phase);

        // The agent whose phone is registered takes the call.
        Assert.True((await node.Grains.GetGrain<IAgentGrain>("with-phone").LogInAsync()).Succeeded);
        await Conditions.WaitAsync(() => phone.Invites == 1, Wait, $"call {callId}: the registered agent's phone rings", Diagnostics, cancellation);
        await ConnectedAsync(node, callId);
        Assert.Equal("with-phone", (await grain.GetStatusAsync()).AgentId);
        await call.HangUpAsync();
    }
}
