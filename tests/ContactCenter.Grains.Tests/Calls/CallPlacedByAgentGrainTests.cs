using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Tests.Routing;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>Calls an agent's own phone places to a queue or a colleague (<see cref="CallArrival.PlacedBy"/>): the call
/// holds a slot of the placing agent while it lasts, so no other work is offered to an agent talking on it.</summary>
public sealed class CallPlacedByAgentGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    [Fact]
    public async Task A_call_an_agent_places_holds_the_agent_until_it_ends_and_is_not_offered_to_it()
    {
        var driver = new CallDriver(fixture);
        var sales = fixture.NewQueue("sales");
        var placer = await driver.ReadyAgentAsync("placer", sales);
        var (call, callId) = NewCall();

        Assert.True((await call.ArriveAsync(PlacedBy(placer, sales))).Succeeded);

        Assert.Equal(AgentActivity.Busy, await ActivityAsync(placer, callId));
        await PhaseAsync(call, CallPhase.Queued); // its queue's only agent is the one talking on it
        var colleague = await driver.ReadyAgentAsync("colleague", sales);
        await fixture.Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == Id(colleague));
        Assert.DoesNotContain(fixture.Media.For(callId),
            c => c.Name == nameof(ICallMedia.RingAgentAsync) && ((AgentLegRequest)c.Argument!).AgentId == Id(placer));

        await call.OnMediaEventAsync(new CallerHungUp(callId)); // the placing agent hangs up its phone
        await PhaseAsync(call, CallPhase.Ended);
        await fixture.HoldsAsync(placer);
        await fixture.HoldsAsync(colleague);
    }

    [Fact]
    public async Task A_paused_agent_still_places_a_call_which_holds_nothing_of_its()
    {
        var driver = new CallDriver(fixture);
        var sales = fixture.NewQueue("sales");
        var placer = await driver.ReadyAgentAsync("paused-placer");
        fixture.Agents.Put(new PauseCode { Id = "meeting", Name = "Meeting", Kind = PauseKind.Work });
        Assert.True((await placer.PauseAsync("meeting")).Succeeded);
        var (call, callId) = NewCall();

        Assert.True((await call.ArriveAsync(PlacedBy(placer, sales))).Succeeded);

        await PhaseAsync(call, CallPhase.Queued);
        Assert.Null(await ActivityAsync(placer, callId));
        await call.OnMediaEventAsync(new CallerHungUp(callId));
        await PhaseAsync(call, CallPhase.Ended);
        Assert.Equal("meeting", (await placer.GetStatusAsync()).PauseCodeId);
    }

    private (ICallGrain Call, string CallId) NewCall()
    {
        var callId = $"call-{Guid.NewGuid():N}";
        return (fixture.Cluster.Client.GetGrain<ICallGrain>(callId), callId);
    }

    private CallArrival PlacedBy(IAgentGrain placer, IQueueGrain queue) => new()
    {
        From = $"{Id(placer)}-phone",
        To = "200",
        Media = fixture.MediaReference,
        Target = new RoutingTarget(RoutingTargetKind.Queue, Id(queue)),
        PlacedBy = Id(placer),
    };
}
