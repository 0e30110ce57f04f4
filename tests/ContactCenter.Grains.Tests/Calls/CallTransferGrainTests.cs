using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Tests.Routing;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>Blind transfers of a connected call on the in-process cluster with queues, agents and a scripted front end:
/// to a number (completed, failed), to a queue (another agent takes it while the first wraps up) and to an agent
/// (answered, not answered). Every agent ends free or in its wrap-up, never stuck reserved, ringing or busy.</summary>
public sealed class CallTransferGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private static readonly TimeSpan Wait = RoutingClusterFixture.Wait;

    private readonly CallDriver _driver = new(fixture);

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_blind_transfer_to_a_number_ends_the_call_as_transferred_once_the_front_end_completes_it()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var target = new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48601000000");

        var transferred = await call.BlindTransferAsync(Id(anna), new CallTransfer(target));

        Assert.True(transferred.Changed, transferred.Message);
        Assert.Equal("+48601000000", (string?)(await Media.WaitForAsync(callId, nameof(ICallMedia.TransferAsync))).Argument);
        var pending = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, target), (pending.Phase, pending.TransferTarget));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(anna, callId));

        await call.OnMediaEventAsync(new TransferCompleted(callId));

        Assert.Equal(CallPhase.WrapUp, (await call.GetStatusAsync()).Phase);
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HangUpAsync), a => (CallEndReason?)a == CallEndReason.Transferred);
        Assert.True((await call.FinishWrapUpAsync(Id(anna))).Changed);
        var ended = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Transferred), (ended.Phase, ended.EndReason));
        await fixture.HoldsAsync(anna);
    }

    [Fact]
    public async Task A_failed_blind_transfer_to_a_number_gives_the_customer_back_to_the_agent()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48601000000")));
        Assert.Equal(CallCommandError.InvalidPhase, (await call.HoldAsync(Id(anna))).Error);

        await call.OnMediaEventAsync(new TransferFailed(callId, "486 Busy Here"));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), (RoutingTarget?)null), (status.Phase, status.AgentId, status.TransferTarget));
        Assert.Equal(2, Media.For(callId).Count(c => c.Name == nameof(ICallMedia.BridgeAsync) && (string?)c.Argument == Id(anna)));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(anna, callId));
        await call.OnMediaEventAsync(new TransferCompleted(callId));
        Assert.Equal(CallPhase.Connected, (await call.GetStatusAsync()).Phase);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_blind_transfer_to_a_queue_reaches_another_agent_while_the_first_wraps_up()
    {
        var support = fixture.NewQueue("support");
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob", support);
        await call.AddNoteAsync(Id(anna), "wants support");
        await call.SetCategoryAsync(Id(anna), "support-request");

        var transferred = await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.Queue, Id(support))));

        Assert.True(transferred.Changed, transferred.Message);
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(anna));
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == Id(bob));
        var ringing = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ringing, Id(support), Id(bob)), (ringing.Phase, ringing.QueueId, ringing.AgentId));
        await call.OnMediaEventAsync(new AgentAnswered(callId, Id(bob)));
        var connected = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(bob), "support-request"), (connected.Phase, connected.AgentId, connected.CategoryId));
        Assert.Equal("wants support", Assert.Single(connected.Notes).Text);
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(bob, callId));
        Assert.Equal(1, (await support.GetSnapshotAsync()).Counters.Answered);

        fixture.Time.Advance(TimeSpan.FromSeconds(6));

        await fixture.HoldsAsync(anna);
        Assert.Equal(CallCommandError.NotTheCallsAgent, (await call.HangUpAsync(Id(anna))).Error);
        await _driver.HangUpAndFinishAsync(call, bob);
    }

    [Fact]
    public async Task A_blind_transfer_to_a_queue_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var before = await call.GetStatusAsync();

        var refused = await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.Queue, $"nowhere-{Guid.NewGuid():N}")));

        Assert.False(refused.Succeeded);
        Assert.Equal(before.Version, (await call.GetStatusAsync()).Version);
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(anna, callId));
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_blind_transfer_to_an_agent_passes_the_call_when_that_agent_answers()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");

        var transferred = await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.Agent, Id(bob))));

        Assert.True(transferred.Changed, transferred.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.HoldAsync), a => (bool?)a == true);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == Id(bob));
        var ringing = await call.GetStatusAsync();
        Assert.Equal((ConsultPurpose.Transfer, ConsultStage.Ringing, true), (ringing.Consult!.Purpose, ringing.Consult.Stage, ringing.Held));
        Assert.Equal(AgentActivity.Ringing, await ActivityAsync(bob, callId));
        Assert.False((await fixture.Cluster.Client.GetGrain<IAgentGrain>(Id(bob)).TryReserveAsync(
            new ReservationRequest { WorkId = $"other-{Guid.NewGuid():N}" })).Granted);

        await call.OnMediaEventAsync(new AgentAnswered(callId, Id(bob)));

        var passed = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(bob), false, (CallConsult?)null), (passed.Phase, passed.AgentId, passed.Held, passed.Consult));
        await Media.WaitForAsync(callId, nameof(ICallMedia.BridgeAsync), a => (string?)a == Id(bob));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(bob, callId));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        Assert.True((await anna.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(anna);
        await _driver.HangUpAndFinishAsync(call, bob);
    }

    [Fact]
    public async Task A_blind_transfer_to_an_agent_who_does_not_answer_stays_with_the_transferring_agent_on_hold()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");
        await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.Agent, Id(bob))));

        await call.OnMediaEventAsync(new AgentLegFailed(callId, Id(bob), AgentLegFailure.NoAnswer));

        var back = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), true, (CallConsult?)null), (back.Phase, back.AgentId, back.Held, back.Consult));
        await fixture.HoldsAsync(bob);
        Assert.Equal(1, (await bob.GetStatusAsync()).Counters.Missed);
        Assert.True((await call.RetrieveAsync(Id(anna))).Changed);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_transfer_to_an_agent_who_cannot_take_it_is_refused_and_changes_nothing()
    {
        var (call, _, anna) = await _driver.ConnectedCallAsync("anna");
        var away = fixture.NewAgent("away", [new(Id(fixture.NewQueue("backoffice")))]);
        var before = await call.GetStatusAsync();

        var refused = await call.BlindTransferAsync(Id(anna), new CallTransfer(new RoutingTarget(RoutingTargetKind.Agent, Id(away))));

        Assert.Equal((false, CallCommandError.AgentRefused), (refused.Succeeded, refused.Error));
        var after = await call.GetStatusAsync();
        Assert.Equal((before.Version, false), (after.Version, after.Held));
        await _driver.HangUpAndFinishAsync(call, anna);
    }
}
