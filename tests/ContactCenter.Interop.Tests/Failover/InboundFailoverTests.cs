using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Queues;
using ContactCenter.Interop.Tests.FrontEnd;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.Failover;

/// <summary>HA-2 with real processes: silo processes and SIP front-end processes on one PostgreSQL database, callers and
/// agent phones exchanging real RTP through the front ends, and kill -9 of the process that holds a queue, a connected
/// call's grain, or a front end.</summary>
public sealed class InboundFailoverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_silo_of_a_queue_while_calls_wait_leaves_them_waiting_and_agents_logging_in_answer_them()
    {
        SkipWithoutPostgres();
        await using var site = await FailoverSite.StartAsync(silos: 2, Cancel);
        var frontEnd = await site.StartFrontEndAsync("38000-38199", Cancel);
        await using var phoneA = MediaPeer.Start(38400);
        await using var phoneB = MediaPeer.Start(38600);
        await using var caller = MediaPeer.Start(38800);
        await site.AddQueueAsync("ha-queue", "7101", Cancel);
        await site.AddAgentAsync("ha-agent-a", "ha-queue", phoneA, frontEnd, Cancel);
        await site.AddAgentAsync("ha-agent-b", "ha-queue", phoneB, frontEnd, Cancel);
        var queue = site.Client.GetGrain<IQueueGrain>("ha-queue");
        var calls = new[] { caller.Call(frontEnd.Sip, "7101"), caller.Call(frontEnd.Sip, "7101") };
        foreach (var call in calls)
        {
            Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", () => caller.Log.Tail(), Cancel)).StatusCode);
        }
        await Eventually.TrueAsync(async () => (await queue.GetSnapshotAsync()).Waiting.Length == 2, Wait, "both calls waiting in the queue");
        var waiting = (await queue.GetSnapshotAsync()).Waiting.Select(w => w.Work.Id).ToArray();

        await site.KillSiloAsync(await site.SiloOfAsync<IQueueGrain>("ha-queue", Cancel), Cancel);
        Assert.True((await site.Client.GetGrain<IAgentGrain>("ha-agent-a").LogInAsync()).Succeeded);
        Assert.True((await site.Client.GetGrain<IAgentGrain>("ha-agent-b").LogInAsync()).Succeeded);

        foreach (var callId in waiting)
        {
            try
            {
                await Eventually.TrueAsync(async () => (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Connected,
                    Wait, $"waiting call {callId} answered by an agent after the queue's silo died");
            }
            catch (TimeoutException)
            {
                var call = await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync();
                var snapshot = await queue.GetSnapshotAsync();
                var a = await site.Client.GetGrain<IAgentGrain>("ha-agent-a").GetStatusAsync();
                throw new Xunit.Sdk.XunitException($"call {call.Phase} {call.AgentId} missed [{string.Join(",", call.MissedBy)}]; queue waiting {snapshot.Waiting.Length} agents {snapshot.Agents.Length}; agent a {a.Presence} work {a.Work.Length}\n{phoneA.Log.Tail()}\n{string.Join("\n", site.Silos.Values.Select(s => s.Describe()))}");
            }
        }
        await Conditions.WaitAsync(() => phoneA.Calls.Count == 1 && phoneB.Calls.Count == 1, Wait, "each agent phone took one call",
            () => $"{phoneA.Log.Tail()}\n{phoneB.Log.Tail()}", Cancel);
    }

    [Fact]
    public async Task Killing_the_silo_of_a_connected_calls_grain_keeps_the_call_up_and_its_hang_up_is_recorded()
    {
        SkipWithoutPostgres();
        await using var site = await FailoverSite.StartAsync(silos: 2, Cancel);
        var frontEnd = await site.StartFrontEndAsync("39000-39199", Cancel);
        await using var phone = MediaPeer.Start(39400);
        await using var caller = MediaPeer.Start(39600);
        await site.AddQueueAsync("ha-talk", "7102", Cancel);
        await site.AddAgentAsync("ha-agent-c", "ha-talk", phone, frontEnd, Cancel);
        var agent = site.Client.GetGrain<IAgentGrain>("ha-agent-c");
        Assert.True((await agent.LogInAsync()).Succeeded);
        var call = caller.Call(frontEnd.Sip, "7102");
        var callId = await ConnectedAsync(site, agent, "ha-agent-c");

        await site.KillSiloAsync(await site.SiloOfAsync<ICallGrain>(callId, Cancel), Cancel);

        // The media is anchored in the front end: both sides keep hearing each other.
        var heardByCaller = caller.PacketsReceived(call.CallId);
        var phoneCallId = phone.Calls.Keys.Single();
        var heardByAgent = phone.PacketsReceived(phoneCallId);
        await Conditions.WaitAsync(
            () => caller.PacketsReceived(call.CallId) >= heardByCaller + 50 && phone.PacketsReceived(phoneCallId) >= heardByAgent + 50,
            Wait, "RTP still flows both ways after the kill", () => $"{caller.Log.Tail()}\n{phone.Log.Tail()}", Cancel);
        await call.HangUpAsync();

        // The call's grain comes back on the survivor from its journal, records the hang-up and hangs up the agent's leg
        // through the same front end.
        var grain = site.Client.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} recorded as ended");
        Assert.Equal(CallEndReason.Completed, (await grain.GetStatusAsync()).EndReason);
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(phoneCallId), Wait, "the agent's phone hung up by the front end",
            () => phone.Log.Tail(), Cancel);
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, "the agent freed");
    }

    [Fact]
    public async Task Killing_a_front_end_ends_its_calls_with_media_lost_frees_their_agents_and_new_calls_flow_through_the_other()
    {
        SkipWithoutPostgres();
        await using var site = await FailoverSite.StartAsync(silos: 2, Cancel);
        var doomed = await site.StartFrontEndAsync("40000-40199", Cancel);
        var survivor = await site.StartFrontEndAsync("40200-40399", Cancel);
        await using var phoneA = MediaPeer.Start(40400);
        await using var phoneB = MediaPeer.Start(40600);
        await using var caller = MediaPeer.Start(40800);
        await site.AddQueueAsync("ha-media", "7103", Cancel);
        await site.AddAgentAsync("ha-agent-d", "ha-media", phoneA, doomed, Cancel);
        await site.AddAgentAsync("ha-agent-e", "ha-media", phoneB, survivor, Cancel);
        var agentA = site.Client.GetGrain<IAgentGrain>("ha-agent-d");
        var agentB = site.Client.GetGrain<IAgentGrain>("ha-agent-e");
        Assert.True((await agentA.LogInAsync()).Succeeded);
        caller.Call(doomed.Sip, "7103");
        var lostCallId = await ConnectedAsync(site, agentA, "ha-agent-d");

        await doomed.Process.KillAsync();

        var lost = site.Client.GetGrain<ICallGrain>(lostCallId);
        await Eventually.TrueAsync(async () => (await lost.GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {lostCallId} ended after its front end died");
        Assert.Equal(CallEndReason.MediaLost, (await lost.GetStatusAsync()).EndReason);
        await Eventually.TrueAsync(async () => (await agentA.GetStatusAsync()).Work.IsEmpty, Wait, "the agent of the lost call freed");

        Assert.True((await agentB.LogInAsync()).Succeeded);
        Assert.True((await agentA.LogOutAsync("its phone is gone")).Succeeded); // its phone was registered at the dead front end
        var next = caller.Call(survivor.Sip, "7103");
        Assert.Equal(200, (await Conditions.WithinAsync(next.Answered, Wait, "the surviving front end answers", () => caller.Log.Tail(), Cancel)).StatusCode);
        await ConnectedAsync(site, agentB, "ha-agent-e");
    }

    /// <summary>Waits until the agent talks on a call and returns its id.</summary>
    private static async Task<string> ConnectedAsync(FailoverSite site, IAgentGrain agent, string agentId)
    {
        string? callId = null;
        await Eventually.TrueAsync(async () =>
        {
            callId = (await agent.GetStatusAsync()).Work.SingleOrDefault()?.WorkId;
            return callId is not null && (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Connected;
        }, Wait, $"{agentId} talking on a call");
        return callId!;
    }

    private static void SkipWithoutPostgres()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
