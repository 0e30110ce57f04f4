using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>The call grain with queues, agents and a scripted front end on an in-process cluster with fake time:
/// inbound calls from arrival to end, abandons in each phase, ring-no-answer re-offers, media loss and agent-initiated
/// calls.</summary>
public sealed class CallGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private static readonly TimeSpan Wait = RoutingClusterFixture.Wait;

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task An_inbound_call_is_queued_offered_answered_and_wrapped_up()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("anna", sales);
        var call = NewCall(out var callId);

        var arrived = await call.ArriveAsync(Arrival(sales));

        Assert.True(arrived.Succeeded, arrived.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.AnswerAsync));
        await Media.WaitForAsync(callId, nameof(ICallMedia.PlayAsync));
        var ring = await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync));
        Assert.Equal((agent.GetPrimaryKeyString(), "+48221234567"), (((AgentLegRequest)ring.Argument!).AgentId, ((AgentLegRequest)ring.Argument!).CallerNumber));
        await PhaseAsync(call, CallPhase.Ringing);
        Assert.Equal(AgentActivity.Ringing, Assert.Single((await agent.GetStatusAsync()).Work).Activity);

        await call.OnMediaEventAsync(new AgentAnswered(callId, agent.GetPrimaryKeyString()));

        await Media.WaitForAsync(callId, nameof(ICallMedia.BridgeAsync), a => (string?)a == agent.GetPrimaryKeyString());
        Assert.Equal(CallPhase.Connected, (await call.GetStatusAsync()).Phase);
        Assert.Equal(AgentActivity.Busy, Assert.Single((await agent.GetStatusAsync()).Work).Activity);
        var queued = await sales.GetSnapshotAsync();
        Assert.Empty(queued.Waiting);
        Assert.Equal(1, queued.Counters.Answered);

        Assert.True((await call.AddNoteAsync(agent.GetPrimaryKeyString(), "wants a quote")).Changed);
        Assert.True((await call.SetCategoryAsync(agent.GetPrimaryKeyString(), "sales-quote")).Changed);
        await call.OnMediaEventAsync(new CallerHungUp(callId));

        var wrapUp = await call.GetStatusAsync();
        Assert.Equal((CallPhase.WrapUp, (DateTimeOffset?)fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(5)), (wrapUp.Phase, wrapUp.WrapUpUntil));
        Assert.Equal(AgentActivity.WrapUp, Assert.Single((await agent.GetStatusAsync()).Work).Activity);
        await Media.WaitForAsync(callId, nameof(ICallMedia.HangUpAsync));

        Assert.True((await call.FinishWrapUpAsync(agent.GetPrimaryKeyString())).Changed);
        var ended = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed, "sales-quote"), (ended.Phase, ended.EndReason, ended.CategoryId));
        Assert.Equal("wants a quote", Assert.Single(ended.Notes).Text);
        Assert.Empty((await agent.GetStatusAsync()).Work);
    }

    [Fact]
    public async Task An_agent_answering_from_the_workspace_asks_the_front_end_to_answer_its_leg()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("anna", sales);
        var call = NewCall(out var callId);
        Assert.True((await call.ArriveAsync(Arrival(sales))).Succeeded);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync));
        await PhaseAsync(call, CallPhase.Ringing);

        Assert.Equal(CallCommandError.NotTheCallsAgent, (await call.AnswerAsync("someone-else")).Error);
        var answered = await call.AnswerAsync(agent.GetPrimaryKeyString());

        Assert.True(answered.Succeeded, answered.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.AnswerAgentAsync), a => (string?)a == agent.GetPrimaryKeyString());
        Assert.Equal(CallPhase.Ringing, (await call.GetStatusAsync()).Phase); // connected when the leg reports it
        await call.OnMediaEventAsync(new AgentAnswered(callId, agent.GetPrimaryKeyString()));
        await PhaseAsync(call, CallPhase.Connected);
    }

    [Fact]
    public async Task A_caller_hanging_up_in_the_queue_is_an_abandon_in_queue()
    {
        var sales = fixture.NewQueue("sales");
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales));
        await PhaseAsync(call, CallPhase.Queued);

        await call.OnMediaEventAsync(new CallerHungUp(callId));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Abandoned, AbandonPhase.InQueue), (status.Phase, status.EndReason, status.AbandonPhase));
        var queue = await sales.GetSnapshotAsync();
        Assert.Equal((0, 1), (queue.Waiting.Length, queue.Counters.Abandoned));
    }

    [Fact]
    public async Task A_caller_hanging_up_while_the_agent_rings_frees_the_agent_and_is_an_abandon_ringing()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("bob", sales);
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales));
        await PhaseAsync(call, CallPhase.Ringing);

        await call.OnMediaEventAsync(new CallerHungUp(callId));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallEndReason.Abandoned, AbandonPhase.RingingAtAgent), (status.EndReason, status.AbandonPhase));
        await fixture.HoldsAsync(agent);
        Assert.Equal(1, (await sales.GetSnapshotAsync()).Counters.Abandoned);
    }

    [Fact]
    public async Task A_call_ringing_out_at_one_agent_is_offered_to_the_next_and_the_miss_is_counted()
    {
        var sales = fixture.NewQueue("sales");
        var first = await ReadyAgentAsync("first", sales);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await ReadyAgentAsync("second", sales);
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales));
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == first.GetPrimaryKeyString());

        await call.OnMediaEventAsync(new AgentLegFailed(callId, first.GetPrimaryKeyString(), AgentLegFailure.NoAnswer));

        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == second.GetPrimaryKeyString());
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ringing, second.GetPrimaryKeyString()), (status.Phase, status.AgentId));
        Assert.Equal([first.GetPrimaryKeyString()], status.MissedBy);
        Assert.Equal(1, (await first.GetStatusAsync()).Counters.Missed);
    }

    [Fact]
    public async Task The_ring_timeout_cancels_the_agent_leg_and_returns_the_call_to_its_place()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("slow", sales);
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales));
        await PhaseAsync(call, CallPhase.Ringing);

        fixture.Time.Advance(TimeSpan.FromSeconds(16));

        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == agent.GetPrimaryKeyString());
        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()).MissedBy.Contains(agent.GetPrimaryKeyString()), Wait,
            $"call {callId} to record the miss of {agent.GetPrimaryKeyString()}");
    }

    [Fact]
    public async Task A_call_whose_front_end_is_gone_ends_with_media_lost_and_frees_its_agent()
    {
        var sales = fixture.NewQueue("sales");
        var lostMedia = new ScriptedCallMedia();
        var reference = fixture.Cluster.Client.CreateObjectReference<ICallMedia>(lostMedia);
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales) with { Media = reference });
        await PhaseAsync(call, CallPhase.Queued);
        fixture.Cluster.Client.DeleteObjectReference(reference);

        var agent = await ReadyAgentAsync("orphan", sales);

        await PhaseAsync(call, CallPhase.Ended);
        Assert.Equal(CallEndReason.MediaLost, (await call.GetStatusAsync()).EndReason);
        await fixture.HoldsAsync(agent);
        Assert.Empty((await sales.GetSnapshotAsync()).Waiting);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_before_the_answer_is_an_abandon_before_the_ivr_and_is_never_queued()
    {
        var sales = fixture.NewQueue("sales");
        var cancelled = new ScriptedCallMedia { RefuseAnswers = true };
        var call = NewCall(out var callId);

        await call.ArriveAsync(Arrival(sales) with { Media = fixture.Cluster.Client.CreateObjectReference<ICallMedia>(cancelled) });

        Assert.Equal(CallPhase.Arrived, (await call.GetStatusAsync()).Phase);
        await call.OnMediaEventAsync(new CallerHungUp(callId));
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Abandoned, AbandonPhase.BeforeIvr), (status.Phase, status.EndReason, status.AbandonPhase));
        Assert.Equal(0, (await sales.GetSnapshotAsync()).Counters.Offered);
    }

    [Fact]
    public async Task A_connected_call_whose_front_end_process_dies_ends_with_media_lost_and_frees_its_agent_without_a_command()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("stranded", sales);
        var frontEnd = await fixture.Cluster.StartClientAsync();
        var media = new ScriptedCallMedia();
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales) with { Media = frontEnd.CreateObjectReference<ICallMedia>(media) });
        await media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync));
        await call.OnMediaEventAsync(new AgentAnswered(callId, agent.GetPrimaryKeyString()));
        await PhaseAsync(call, CallPhase.Connected);

        TestCluster.Kill(frontEnd);

        // On fake time the silos declare the dead client so only as the clock moves (heartbeats, suspicion).
        for (var i = 0; i < 100 && (await call.GetStatusAsync()).Phase != CallPhase.Ended; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(200));
        }
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.MediaLost), (status.Phase, status.EndReason));
        // The agent wraps the cut call up (the queue's 5 s), then is free.
        fixture.Time.Advance(TimeSpan.FromSeconds(6));
        await fixture.HoldsAsync(agent);
    }

    [Fact]
    public async Task A_call_waiting_too_long_overflows_to_the_next_queue()
    {
        var backup = fixture.NewQueue("backup");
        var sales = fixture.NewQueue("sales");
        fixture.Queues.Put(await QueueForAsync(sales) with
        {
            Overflow =
            [
                new OverflowRule
                {
                    Condition = OverflowCondition.WaitTime,
                    Target = new RoutingTarget(RoutingTargetKind.Queue, backup.GetPrimaryKeyString()),
                    MaxWait = TimeSpan.FromSeconds(30),
                },
            ],
        });
        var call = NewCall(out var callId);
        await call.ArriveAsync(Arrival(sales));
        await PhaseAsync(call, CallPhase.Queued);

        fixture.Time.Advance(TimeSpan.FromSeconds(31));

        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()).QueueId == backup.GetPrimaryKeyString(), Wait,
            $"call {callId} to wait in {backup.GetPrimaryKeyString()}");
        Assert.Equal(CallPhase.Queued, (await call.GetStatusAsync()).Phase);
        Assert.Single((await backup.GetSnapshotAsync()).Waiting);
        Assert.Equal(1, (await sales.GetSnapshotAsync()).Counters.Overflowed);
    }

    [Fact]
    public async Task An_agent_dials_out_talks_and_hangs_up()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("caller", sales);
        var call = NewCall(out var callId);
        var agentId = agent.GetPrimaryKeyString();

        var dialed = await call.DialAsync(new CallDial(agentId, "+48601000000", "+48221000000", fixture.MediaReference));

        Assert.True(dialed.Succeeded, dialed.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == agentId);
        await call.OnMediaEventAsync(new AgentAnswered(callId, agentId));
        var dial = await Media.WaitForAsync(callId, nameof(ICallMedia.DialAsync));
        Assert.Equal("+48601000000", ((ExternalLegRequest)dial.Argument!).Number);
        Assert.Equal(CallPhase.Dialing, (await call.GetStatusAsync()).Phase);
        await call.OnMediaEventAsync(new ExternalAnswered(callId));
        Assert.Equal(CallPhase.Connected, (await call.GetStatusAsync()).Phase);

        Assert.True((await call.HangUpAsync(agentId)).Changed);

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed, CallDirection.Outbound), (status.Phase, status.EndReason, status.Direction));
        await fixture.HoldsAsync(agent);
    }

    [Fact]
    public async Task A_consultation_dialled_from_a_connected_call_takes_no_slot_of_the_agent()
    {
        var sales = fixture.NewQueue("sales");
        var agent = await ReadyAgentAsync("consulting", sales);
        var agentId = agent.GetPrimaryKeyString();
        var first = NewCall(out var firstId);
        Assert.True((await first.DialAsync(new CallDial(agentId, "+48601000001", "", fixture.MediaReference))).Succeeded);
        await Media.WaitForAsync(firstId, nameof(ICallMedia.RingAgentAsync));
        await first.OnMediaEventAsync(new AgentAnswered(firstId, agentId));
        await first.OnMediaEventAsync(new ExternalAnswered(firstId));
        Assert.Equal(CallPhase.Connected, (await first.GetStatusAsync()).Phase);
        var unrelated = NewCall(out _);
        Assert.Equal(CallCommandError.AgentRefused,
            (await unrelated.DialAsync(new CallDial(agentId, "+48601000002", "", fixture.MediaReference, ConsultedCallId: $"call-{Guid.NewGuid():N}"))).Error);
        var consultation = NewCall(out var consultationId);

        var dialled = await consultation.DialAsync(new CallDial(agentId, "+48601000002", "", fixture.MediaReference, ConsultedCallId: firstId));

        Assert.True(dialled.Succeeded, dialled.Message);
        await Media.WaitForAsync(consultationId, nameof(ICallMedia.RingAgentAsync));
        await consultation.OnMediaEventAsync(new AgentAnswered(consultationId, agentId));
        await consultation.OnMediaEventAsync(new ExternalAnswered(consultationId));
        Assert.Equal((CallPhase.Connected, agentId), ((await consultation.GetStatusAsync()).Phase, (await consultation.GetStatusAsync()).AgentId));
        await consultation.OnMediaEventAsync(new AgentHungUp(consultationId, agentId));
        Assert.Equal(CallPhase.Ended, (await consultation.GetStatusAsync()).Phase);
        // The agent's one voice slot stayed with the first call throughout.
        Assert.Equal([firstId], (await agent.GetStatusAsync()).Work.Select(w => w.WorkId));
        Assert.True((await first.HangUpAsync(agentId)).Changed);
        await fixture.HoldsAsync(agent);
    }

    [Fact]
    public async Task A_call_to_a_closed_queue_hears_the_closing_prompt_and_is_hung_up()
    {
        var closed = fixture.NewQueue("closed");
        fixture.Queues.Put(await QueueForAsync(closed) with
        {
            Holidays = [new Holiday { Date = DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime), Name = "test day" }],
            ClosedAction = new ClosedAction(ClosedActionKind.Announce, "out-of-hours"),
        });
        var call = NewCall(out var callId);

        await call.ArriveAsync(Arrival(closed));

        var play = await Media.WaitForAsync(callId, nameof(ICallMedia.PlayAsync));
        Assert.Equal(["out-of-hours"], ((MediaPlayback)play.Argument!).PromptIds);
        Assert.Equal(CallEndReason.Closed, (await call.GetStatusAsync()).EndReason);
        await call.OnMediaEventAsync(new PlaybackFinished(callId, ((MediaPlayback)play.Argument!).PlaybackId));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HangUpAsync));
    }

    [Fact]
    public async Task An_ended_call_leaves_memory_within_minutes_and_a_live_one_stays()
    {
        var driver = new CallDriver(fixture);
        var (ended, endedId, endedAgent) = await driver.ConnectedCallAsync("ends");
        var (_, liveId, _) = await driver.ConnectedCallAsync("talks");
        await driver.HangUpAndFinishAsync(ended, endedAgent);

        // The runtime collects after a quarter of an hour unused; an ended call after a minute (in one-minute quanta).
        for (var minute = 0; minute < 3; minute++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await Eventually.TrueAsync(() => fixture.Cluster.HostOf(new GrainId(typeof(ICallGrain).FullName!, endedId)) is null, Wait,
            "the ended call collected");
        Assert.NotNull(fixture.Cluster.HostOf(new GrainId(typeof(ICallGrain).FullName!, liveId)));
        var reloaded = await ended.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed), (reloaded.Phase, reloaded.EndReason));
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

    private async Task<Queue> QueueForAsync(IQueueGrain queue) =>
        (await fixture.Queues.GetQueueAsync(queue.GetPrimaryKeyString(), TestContext.Current.CancellationToken))!;

    /// <summary>A fresh agent serving <paramref name="queue"/>, logged in, in the queue and with its pull round over.</summary>
    private async Task<IAgentGrain> ReadyAgentAsync(string name, IQueueGrain queue)
    {
        var agent = fixture.NewAgent(name, [new(queue.GetPrimaryKeyString())]);
        Assert.True((await agent.LogInAsync()).Succeeded);
        await fixture.Cluster.Client.GetGrain<IAgentRouterGrain>(agent.GetPrimaryKeyString()).RunAsync();
        return agent;
    }
}
