using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Tests.Routing;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>The front end reports a listening supervisor's leg failed or hung up (with the supervisor's id, like an
/// agent's leg): the call grain journals the listen-in's end with the reason, the call goes on, and the supervisor can
/// listen in again.</summary>
public sealed class CallListenInLegGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private const string Sue = "sue";

    private readonly CallDriver _driver = new(fixture);

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_failed_or_hung_up_supervisor_leg_ends_the_listen_in_and_the_supervisor_can_listen_again()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");
        Assert.True((await call.ListenInAsync(Sue, ListenInMode.Monitor)).Changed);
        await Media.WaitForAsync(callId, nameof(ICallMedia.ListenInAsync), a => a is ListenInRequest { SupervisorId: Sue, Mode: ListenInMode.Monitor });

        await call.OnMediaEventAsync(new AgentLegFailed(callId, Sue, AgentLegFailure.Unreachable));

        var afterFailure = await call.GetStatusAsync();
        Assert.Empty(afterFailure.ListenIns);
        Assert.Equal((CallPhase.Connected, Id(anna)), (afterFailure.Phase, afterFailure.AgentId));

        Assert.True((await call.ListenInAsync(Sue, ListenInMode.Barge)).Changed);
        await Media.WaitForAsync(callId, nameof(ICallMedia.ListenInAsync), a => a is ListenInRequest { SupervisorId: Sue, Mode: ListenInMode.Barge });
        await call.OnMediaEventAsync(new AgentHungUp(callId, Sue));

        var afterHangUp = await call.GetStatusAsync();
        Assert.Empty(afterHangUp.ListenIns);
        Assert.Equal((CallPhase.Connected, Id(anna)), (afterHangUp.Phase, afterHangUp.AgentId));
        Assert.Equal(
            [(ListenInMode.Monitor, (string?)"Unreachable"), (ListenInMode.Barge, CallRules.ListenInHungUp)],
            (await ListenInJournalAsync(callId)).OfType<ListenInStopped>().Select(e => (e.Mode, e.Reason)));
        // A late report of the gone leg changes nothing.
        var version = afterHangUp.Version;
        await call.OnMediaEventAsync(new AgentHungUp(callId, Sue));
        Assert.Equal(version, (await call.GetStatusAsync()).Version);
        await _driver.HangUpAndFinishAsync(call, anna);
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
