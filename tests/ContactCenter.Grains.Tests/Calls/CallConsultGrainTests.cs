using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>Consultation, attended transfer, conference and listen-in on the in-process cluster: the consulted agent is
/// reserved through its arbiter (Ringing, then Busy) and ends free or in its wrap-up whatever happens.</summary>
public sealed class CallConsultGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private readonly CallDriver _driver = new(fixture);

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_consultation_completed_as_an_attended_transfer_leaves_the_call_with_the_consulted_agent()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();
        await Media.WaitForAsync(callId, nameof(ICallMedia.ConsultAsync), a => (string?)a == Id(bob));

        var completed = await call.CompleteTransferAsync(Id(anna));

        Assert.True(completed.Changed, completed.Message);
        var passed = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(bob), false, (CallConsult?)null), (passed.Phase, passed.AgentId, passed.Held, passed.Consult));
        await Media.WaitForAsync(callId, nameof(ICallMedia.BridgeAsync), a => (string?)a == Id(bob));
        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(anna));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HoldAsync), a => (bool?)a == false);
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(bob, callId));

        fixture.Time.Advance(TimeSpan.FromSeconds(6));

        await fixture.HoldsAsync(anna);
        await _driver.HangUpAndFinishAsync(call, bob);
    }

    [Fact]
    public async Task A_consultation_turned_into_a_conference_goes_on_with_the_agent_when_the_consulted_agent_leaves()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();

        var conference = await call.ConferenceAsync(Id(anna));

        Assert.True(conference.Changed, conference.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.ConferenceAsync), a => (string?)a == Id(bob));
        var status = await call.GetStatusAsync();
        Assert.Equal((ConsultStage.Conference, false), (status.Consult!.Stage, status.Held));
        Assert.False((await call.ConferenceAsync(Id(anna))).Changed);

        await call.OnMediaEventAsync(new AgentHungUp(callId, Id(bob)));

        var after = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), (CallConsult?)null), (after.Phase, after.AgentId, after.Consult));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(bob, callId));
        Assert.True((await bob.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(bob);
        await call.OnMediaEventAsync(new CallerHungUp(callId));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        Assert.True((await call.FinishWrapUpAsync(Id(anna))).Changed);
        await fixture.HoldsAsync(anna);
    }

    [Fact]
    public async Task Holding_a_conference_lets_the_agents_talk_while_the_customer_waits_and_retrieving_brings_the_customer_back()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();
        Assert.True((await call.ConferenceAsync(Id(anna))).Changed);
        var before = Media.For(callId).Count;

        var held = await call.HoldAsync(Id(anna));

        Assert.True(held.Changed, held.Message);
        Assert.Equal([(nameof(ICallMedia.ConsultAsync), (object?)Id(bob)), (nameof(ICallMedia.HoldAsync), true)],
            Media.For(callId).Skip(before).Select(c => (c.Name, c.Argument)));
        var status = await call.GetStatusAsync();
        Assert.Equal((ConsultStage.Conference, true), (status.Consult!.Stage, status.Held));
        before = Media.For(callId).Count;

        var retrieved = await call.RetrieveAsync(Id(anna));

        Assert.True(retrieved.Changed, retrieved.Message);
        Assert.Equal([(nameof(ICallMedia.ConferenceAsync), (object?)Id(bob))], Media.For(callId).Skip(before).Select(c => (c.Name, c.Argument)));
        status = await call.GetStatusAsync();
        Assert.Equal((ConsultStage.Conference, false), (status.Consult!.Stage, status.Held));

        await call.OnMediaEventAsync(new AgentHungUp(callId, Id(bob)));
        Assert.True((await bob.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(bob);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_cancelled_consultation_releases_the_consulted_agent_and_retrieves_the_customer()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();

        var cancelled = await call.CancelConsultAsync(Id(anna));

        Assert.True(cancelled.Changed, cancelled.Message);
        var status = await call.GetStatusAsync();
        Assert.Equal((Id(anna), false, (CallConsult?)null), (status.AgentId, status.Held, status.Consult));
        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(bob));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HoldAsync), a => (bool?)a == false);
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(bob, callId));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(anna, callId));
        Assert.True((await bob.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(bob);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_consultation_cancelled_while_ringing_frees_the_consulted_agent_at_once()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");
        Assert.True((await call.ConsultAsync(Id(anna), Id(bob))).Changed);

        Assert.True((await call.CancelConsultAsync(Id(anna))).Changed);

        await fixture.HoldsAsync(bob);
        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(bob));
        Assert.False((await call.GetStatusAsync()).Held);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_consulted_agent_ringing_out_leaves_the_customer_on_hold_with_the_agent()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");
        Assert.True((await call.ConsultAsync(Id(anna), Id(bob))).Changed);
        Assert.Equal(AgentActivity.Ringing, await ActivityAsync(bob, callId));

        fixture.Time.Advance(CallRules.ConsultRingTimeout);

        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(bob));
        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()).Consult is null, RoutingClusterFixture.Wait,
            $"call {callId} to give up on {Id(bob)}");
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), true), (status.Phase, status.AgentId, status.Held));
        await fixture.HoldsAsync(bob);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task The_customer_hanging_up_during_a_consultation_ends_it_for_both_agents()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();

        await call.OnMediaEventAsync(new CallerHungUp(callId));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.WrapUp, (CallConsult?)null), (status.Phase, status.Consult));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(bob, callId));

        fixture.Time.Advance(TimeSpan.FromSeconds(6));

        await fixture.HoldsAsync(anna);
        await fixture.HoldsAsync(bob);
        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()).Phase == CallPhase.Ended, RoutingClusterFixture.Wait,
            $"call {callId} to end after wrap-up");
    }

    [Fact]
    public async Task The_agent_hanging_up_during_a_consultation_hands_the_call_to_the_consulted_agent()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();

        await call.OnMediaEventAsync(new AgentHungUp(callId, Id(anna)));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(bob), false), (status.Phase, status.AgentId, status.Held));
        await Media.WaitForAsync(callId, nameof(ICallMedia.BridgeAsync), a => (string?)a == Id(bob));
        Assert.DoesNotContain(Media.For(callId), c => c.Name == nameof(ICallMedia.HangUpAsync));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(anna, callId));
        Assert.True((await anna.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(anna);
        await _driver.HangUpAndFinishAsync(call, bob);
    }

    [Fact]
    public async Task The_consulted_agent_hanging_up_from_the_workspace_leaves_the_customer_on_hold_with_the_agent()
    {
        var (call, callId, anna, bob) = await ConsultingAsync();

        Assert.True((await call.HangUpAsync(Id(bob))).Changed);

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), true, (CallConsult?)null), (status.Phase, status.AgentId, status.Held, status.Consult));
        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Id(bob));
        Assert.DoesNotContain(Media.For(callId), c => c.Name == nameof(ICallMedia.HangUpAsync));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(anna, callId));
        Assert.Equal(AgentActivity.WrapUp, await ActivityAsync(bob, callId));
        Assert.True((await bob.FinishWrapUpAsync(callId)).Succeeded);
        await fixture.HoldsAsync(bob);
        Assert.True((await call.RetrieveAsync(Id(anna))).Changed);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    [Fact]
    public async Task A_supervisor_listens_in_changes_mode_and_stops_and_the_journal_shows_it()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        const string Sue = "sue";

        foreach (var mode in new[] { ListenInMode.Monitor, ListenInMode.Whisper, ListenInMode.Barge })
        {
            Assert.True((await call.ListenInAsync(Sue, mode)).Changed);
            await Media.WaitForAsync(callId, nameof(ICallMedia.ListenInAsync), a => a is ListenInRequest { SupervisorId: Sue } r && r.Mode == mode);
        }
        Assert.False((await call.ListenInAsync(Sue, ListenInMode.Barge)).Changed);
        Assert.Equal(ListenInMode.Barge, Assert.Single((await call.GetStatusAsync()).ListenIns).Mode);

        Assert.True((await call.StopListenInAsync(Sue)).Changed);

        await Media.WaitForAsync(callId, nameof(ICallMedia.DropLegAsync), a => (string?)a == Sue);
        Assert.Empty((await call.GetStatusAsync()).ListenIns);
        Assert.False((await call.StopListenInAsync(Sue)).Changed);
        var journal = await ListenInJournalAsync(callId);
        Assert.Equal(
            [(ListenInMode.Monitor, (ListenInMode?)null), (ListenInMode.Whisper, ListenInMode.Monitor), (ListenInMode.Barge, ListenInMode.Whisper)],
            journal.OfType<ListenInStarted>().Select(e => (e.Mode, e.PreviousMode)));
        Assert.Equal(ListenInMode.Barge, Assert.Single(journal.OfType<ListenInStopped>()).Mode);
        await _driver.HangUpAndFinishAsync(call, anna);
        Assert.Equal(CallCommandError.InvalidPhase, (await call.ListenInAsync(Sue, ListenInMode.Monitor)).Error);
    }

    [Fact]
    public async Task Consultation_commands_of_another_agent_or_out_of_turn_are_refused_and_change_nothing()
    {
        var (call, _, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");
        var offline = fixture.NewAgent("offline", [new(Id(fixture.NewQueue("backoffice")))]);
        var version = (await call.GetStatusAsync()).Version;

        Assert.Equal(CallCommandError.NotTheCallsAgent, (await call.ConsultAsync(Id(bob), Id(anna))).Error);
        Assert.Equal(CallCommandError.AgentRefused, (await call.ConsultAsync(Id(anna), Id(offline))).Error);
        Assert.Equal(CallCommandError.InvalidPhase, (await call.CompleteTransferAsync(Id(anna))).Error);
        Assert.Equal(CallCommandError.InvalidPhase, (await call.ConferenceAsync(Id(anna))).Error);
        Assert.False((await call.CancelConsultAsync(Id(anna))).Changed);

        Assert.Equal(version, (await call.GetStatusAsync()).Version);
        await fixture.HoldsAsync(bob);
        await _driver.HangUpAndFinishAsync(call, anna);
    }

    /// <summary>A connected call whose agent consults a fresh second agent, who answered.</summary>
    private async Task<(ICallGrain Call, string CallId, IAgentGrain Anna, IAgentGrain Bob)> ConsultingAsync()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        var bob = await _driver.ReadyAgentAsync("bob");
        var consulted = await call.ConsultAsync(Id(anna), Id(bob));
        Assert.True(consulted.Changed, consulted.Message);
        await Media.WaitForAsync(callId, nameof(ICallMedia.HoldAsync), a => (bool?)a == true);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == Id(bob));
        Assert.Equal(AgentActivity.Ringing, await ActivityAsync(bob, callId));
        await call.OnMediaEventAsync(new AgentAnswered(callId, Id(bob)));
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, Id(anna), true), (status.Phase, status.AgentId, status.Held));
        Assert.Equal((Id(bob), ConsultPurpose.Consult, ConsultStage.Talking), (status.Consult!.AgentId, status.Consult.Purpose, status.Consult.Stage));
        Assert.Equal(AgentActivity.Busy, await ActivityAsync(bob, callId));
        return (call, callId, anna, bob);
    }

    /// <summary>The call's journalled listen-in events (the others hold grain references, which only the runtime reads).</summary>
    private async Task<List<CallEvent>> ListenInJournalAsync(string callId)
    {
        var records = await fixture.Cluster.Storage.Journal.ReadStreamAsync(
            new GrainId(typeof(ICallGrain).FullName!, callId).ToString(), 0, 1000, TestContext.Current.CancellationToken);
        return [.. records.Where(r => r.Json.Contains("\"listen-in-", StringComparison.Ordinal))
            .Select(r => JsonSerializer.Deserialize(r.Json, CallJsonContext.Default.CallEvent)!)];
    }
}
