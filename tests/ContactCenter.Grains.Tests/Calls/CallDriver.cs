using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>Steps shared by the cluster tests of connected calls: fresh agents and answered calls, the agent's view of a
/// call, and hanging up to the end.</summary>
/// <param name="fixture">The cluster.</param>
internal sealed class CallDriver(RoutingClusterFixture fixture)
{
    public static string Id(IAgentGrain agent) => agent.GetPrimaryKeyString();

    public static string Id(IQueueGrain queue) => queue.GetPrimaryKeyString();

    /// <summary>Waits until the call reaches <paramref name="phase"/>.</summary>
    public static Task PhaseAsync(ICallGrain call, CallPhase phase) =>
        Eventually.TrueAsync(async () => (await call.GetStatusAsync()).Phase == phase, RoutingClusterFixture.Wait,
            $"call {call.GetPrimaryKeyString()} to reach {phase}");

    /// <summary>What the agent does with the call, or null when it holds no slot for it.</summary>
    public static async Task<AgentActivity?> ActivityAsync(IAgentGrain agent, string callId) =>
        (await agent.GetStatusAsync()).Work.SingleOrDefault(w => w.WorkId == callId)?.Activity;

    /// <summary>A fresh inbound call answered by a fresh agent in a fresh queue.</summary>
    public async Task<(ICallGrain Call, string CallId, IAgentGrain Agent)> ConnectedCallAsync(string name)
    {
        var queue = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync(name, queue);
        var callId = $"call-{Guid.NewGuid():N}";
        var call = fixture.Cluster.Client.GetGrain<ICallGrain>(callId);
        Assert.True((await call.ArriveAsync(new CallArrival
        {
            From = "+48221234567",
            To = "200",
            Media = fixture.MediaReference,
            Target = new RoutingTarget(RoutingTargetKind.Queue, Id(queue)),
        })).Succeeded);
        await fixture.Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == Id(agent));
        await call.OnMediaEventAsync(new AgentAnswered(callId, Id(agent)));
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(agent)), (status.Phase, status.AgentId));
        return (call, callId, agent);
    }

    /// <summary>The agent hangs up and finishes its wrap-up; the call ends and the agent holds nothing more.</summary>
    public async Task HangUpAndFinishAsync(ICallGrain call, IAgentGrain agent)
    {
        Assert.True((await call.HangUpAsync(Id(agent))).Changed);
        Assert.True((await call.FinishWrapUpAsync(Id(agent))).Changed);
        Assert.Equal(CallPhase.Ended, (await call.GetStatusAsync()).Phase);
        await fixture.HoldsAsync(agent);
    }

    /// <summary>A fresh agent serving <paramref name="queue"/> (a fresh one of its own when null), logged in, in the
    /// queue and with its pull round over.</summary>
    public async Task<IAgentGrain> ReadyAgentAsync(string name, IQueueGrain? queue = null)
    {
        var agent = fixture.NewAgent(name, [new(Id(queue ?? fixture.NewQueue("backoffice")))]);
        Assert.True((await agent.LogInAsync()).Succeeded);
        await fixture.Cluster.Client.GetGrain<IAgentRouterGrain>(Id(agent)).RunAsync();
        return agent;
    }
}
