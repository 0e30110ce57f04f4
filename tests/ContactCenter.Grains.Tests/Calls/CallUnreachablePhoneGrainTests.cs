using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>A ring-per-call agent whose phone cannot be rung (the front end reports the leg unreachable: no
/// registration) is no missed offer: the call rings the next agent at once, the agent is paused as
/// <c>phone-unreachable</c> without a strike of the no-answer policy, and resumes by itself once the phone is back.</summary>
public sealed class CallUnreachablePhoneGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private static readonly TimeSpan Wait = RoutingClusterFixture.Wait;

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task An_unreachable_phone_pauses_its_agent_without_a_miss_and_the_call_rings_the_next_agent_at_once()
    {
        var sales = fixture.NewQueue("sales");
        var first = await ReadyAgentAsync("unregistered", sales, OneStrikePolicy());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await ReadyAgentAsync("registered", sales);
        var call = NewCall(out var callId);
        Assert.True((await call.ArriveAsync(Arrival(sales))).Succeeded);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == first.GetPrimaryKeyString());

        await call.OnMediaEventAsync(new AgentLegFailed(callId, first.GetPrimaryKeyString(), AgentLegFailure.Unreachable));

        // No time passes: the next agent is rung at once.
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == second.GetPrimaryKeyString());
        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()).AgentId == second.GetPrimaryKeyString(), Wait,
            $"call {callId} to ring {second.GetPrimaryKeyString()}");
        Assert.Equal(CallPhase.Ringing, (await call.GetStatusAsync()).Phase);
        var paused = await first.GetStatusAsync();
        Assert.Equal((Presence.Paused, AgentRules.PhoneUnreachablePauseCode), (paused.Presence, paused.PauseCodeId));
        Assert.Equal(new DisplayedAgentState(DisplayedState.Paused, "phone-unreachable"), paused.Displayed);
        Assert.Empty(paused.Work);
        Assert.Equal(0, paused.Counters.Missed);

        // The phone registered again: the agent makes themselves ready and takes the next call.
        Assert.True((await first.ResumeAsync()).Changed);
        await fixture.Cluster.Client.GetGrain<IAgentRouterGrain>(first.GetPrimaryKeyString()).RunAsync();
        var next = NewCall(out var nextId);
        Assert.True((await next.ArriveAsync(Arrival(sales))).Succeeded);
        await Media.WaitForAsync(nextId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == first.GetPrimaryKeyString());
        await next.OnMediaEventAsync(new AgentAnswered(nextId, first.GetPrimaryKeyString()));
        await Eventually.TrueAsync(async () => (await next.GetStatusAsync()).Phase == CallPhase.Connected, Wait, $"call {nextId} connected");
        Assert.Equal(Presence.Available, (await first.GetStatusAsync()).Presence);
    }

    [Fact]
    public async Task A_call_routed_to_an_unreachable_agent_alone_ends_and_pauses_the_agent_without_a_miss()
    {
        var agent = fixture.NewAgent("direct", []);
        Assert.True((await agent.LogInAsync()).Succeeded);
        var call = NewCall(out var callId);
        Assert.True((await call.ArriveAsync(new CallArrival
        {
            From = "+48221234567",
            To = "201",
            Media = fixture.MediaReference,
            Target = new RoutingTarget(RoutingTargetKind.Agent, agent.GetPrimaryKeyString()),
        })).Succeeded);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync));

        await call.OnMediaEventAsync(new AgentLegFailed(callId, agent.GetPrimaryKeyString(), AgentLegFailure.Unreachable));

        var ended = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.AgentUnavailable), (ended.Phase, ended.EndReason));
        var status = await agent.GetStatusAsync();
        Assert.Equal((Presence.Paused, AgentRules.PhoneUnreachablePauseCode, 0), (status.Presence, status.PauseCodeId, status.Counters.Missed));
        Assert.Empty(status.Work);
    }

    private NoAnswerPolicy OneStrikePolicy()
    {
        var policy = new NoAnswerPolicy
        {
            Id = $"one-strike-{Guid.NewGuid():N}",
            Name = "One strike",
            MaxMisses = 1,
            Window = TimeSpan.FromMinutes(10),
            Action = NoAnswerAction.Pause,
            PauseCodeId = "missed",
        };
        fixture.Agents.Put(policy);
        return policy;
    }

    private ICallGrain NewCall(out string callId)
    {
        callId = $"call-{Guid.NewGuid():N}";
        return fixture.Cluster.Client.GetGrain<ICallGrain>(callId);
    }

    private CallArrival Arrival(IQueueGrain queue) => new()
    {
        From = "+48221234567",
        To = "200",
        Media = fixture.MediaReference,
        Target = new RoutingTarget(RoutingTargetKind.Queue, queue.GetPrimaryKeyString()),
    };

    /// <summary>A fresh agent serving <paramref name="queue"/> (under <paramref name="policy"/> when given), logged in, in
    /// the queue and with its pull round over.</summary>
    private async Task<IAgentGrain> ReadyAgentAsync(string name, IQueueGrain queue, NoAnswerPolicy? policy = null)
    {
        var agent = fixture.NewAgent(name, [new(queue.GetPrimaryKeyString())]);
        if (policy is not null)
        {
            var profile = await fixture.Agents.GetAgentProfileAsync(agent.GetPrimaryKeyString(), TestContext.Current.CancellationToken);
            fixture.Agents.Put(profile! with { NoAnswerPolicyId = policy.Id });
        }
        Assert.True((await agent.LogInAsync()).Succeeded);
        await fixture.Cluster.Client.GetGrain<IAgentRouterGrain>(agent.GetPrimaryKeyString()).RunAsync();
        return agent;
    }
}
