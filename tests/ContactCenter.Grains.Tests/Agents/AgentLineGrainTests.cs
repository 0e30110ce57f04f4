using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Tests.Calls;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>The agent grain's persistent line against a scripted front end: opened at log-in, closed at log-out (also
/// after the grain was deactivated), and a lost line pauses the agent until it resumes, which opens a new one.</summary>
public sealed class AgentLineGrainTests(AgentLineClusterFixture fixture) : IClassFixture<AgentLineClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Logging_in_opens_the_line_on_the_front_end_and_logging_out_closes_it()
    {
        var (agent, agentId) = await fixture.NewAgentAsync(LineMode.PersistentLine);

        Assert.True((await agent.LogInAsync()).Succeeded);
        var lineId = await OpenedLineAsync(agentId, 1);
        Assert.Equal(AgentLineState.Opening, (await agent.GetStatusAsync()).Line);
        Assert.Null(await agent.GetLineOfferAddressAsync());
        await agent.OnLineEventAsync(new AgentLineEvent(lineId, Up: true, OfferAddress: "sip:line-secret@127.0.0.1:5070"));
        Assert.Equal(AgentLineState.Up, (await agent.GetStatusAsync()).Line);
        Assert.Equal(Presence.Available, (await agent.GetStatusAsync()).Presence);
        Assert.Equal("sip:line-secret@127.0.0.1:5070", await agent.GetLineOfferAddressAsync());

        Assert.True((await agent.LogOutAsync("end of shift")).Succeeded);
        Assert.Null(await agent.GetLineOfferAddressAsync());
        var closed = await fixture.Media.WaitForAsync(agentId, nameof(ICallMedia.CloseLineAsync));
        Assert.Equal(lineId, closed.Argument);
        Assert.Equal(AgentLineState.None, (await agent.GetStatusAsync()).Line);
        Assert.Single(fixture.Media.For(agentId), c => c.Name == nameof(ICallMedia.OpenLineAsync));
    }

    [Fact]
    public async Task A_ring_per_call_agent_opens_no_line()
    {
        var (agent, agentId) = await fixture.NewAgentAsync(LineMode.RingPerCall);

        Assert.True((await agent.LogInAsync()).Succeeded);
        Assert.True((await agent.LogOutAsync(null)).Succeeded);

        Assert.Empty(fixture.Media.For(agentId));
        Assert.Equal(AgentLineState.None, (await agent.GetStatusAsync()).Line);
    }

    [Fact]
    public async Task A_lost_line_pauses_the_agent_and_resuming_opens_a_new_line()
    {
        var (agent, agentId) = await fixture.NewAgentAsync(LineMode.PersistentLine);
        await agent.LogInAsync();
        var first = await OpenedLineAsync(agentId, 1);
        await agent.OnLineEventAsync(new AgentLineEvent(first, Up: true));

        await agent.OnLineEventAsync(new AgentLineEvent(first, Up: false, "the agent hung up the phone"));
        var status = await agent.GetStatusAsync();
        Assert.Equal((Presence.Paused, AgentRules.LineLostPauseCode, AgentLineState.None), (status.Presence, status.PauseCodeId, status.Line));
        // A late report of the lost line changes nothing.
        await agent.OnLineEventAsync(new AgentLineEvent(first, Up: true));
        Assert.Equal(status.Version, (await agent.GetStatusAsync()).Version);

        Assert.True((await agent.ResumeAsync()).Succeeded);
        var second = await OpenedLineAsync(agentId, 2);
        Assert.NotEqual(first, second);
        await agent.OnLineEventAsync(new AgentLineEvent(second, Up: true));
        status = await agent.GetStatusAsync();
        Assert.Equal((Presence.Available, AgentLineState.Up), (status.Presence, status.Line));
    }

    [Fact]
    public async Task The_line_is_closed_at_log_out_after_the_grain_was_deactivated()
    {
        var (agent, agentId) = await fixture.NewAgentAsync(LineMode.PersistentLine);
        var grainId = new GrainId(typeof(IAgentGrain).FullName!, agentId);
        await agent.LogInAsync();
        var lineId = await OpenedLineAsync(agentId, 1);
        await agent.OnLineEventAsync(new AgentLineEvent(lineId, Up: true));

        // The idle collector deactivates the grain; the front end's reference comes back from the journal.
        for (var minute = 0; minute < 17; minute++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await Eventually.TrueAsync(() => fixture.Cluster.HostOf(grainId) is null, Wait, $"{grainId} collected while idle");
        Assert.Equal(AgentLineState.Up, (await agent.GetStatusAsync()).Line);

        Assert.True((await agent.LogOutAsync(null)).Succeeded);
        var closed = await fixture.Media.WaitForAsync(agentId, nameof(ICallMedia.CloseLineAsync));
        Assert.Equal(lineId, closed.Argument);
        Assert.Single(fixture.Media.For(agentId), c => c.Name == nameof(ICallMedia.OpenLineAsync));
    }

    [Fact]
    public async Task A_line_whose_front_end_process_dies_is_lost_and_the_agent_paused()
    {
        var (agent, agentId) = await fixture.NewAgentAsync(LineMode.PersistentLine);
        var frontEnd = await fixture.Cluster.StartClientAsync();
        var media = new ScriptedCallMedia();
        var registry = fixture.Cluster.Client.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key);
        // The dying front end is the only one to pick.
        await registry.WithdrawAsync(AgentLineClusterFixture.FrontEndId);
        await registry.AnnounceAsync("fe-dying", frontEnd.CreateObjectReference<ICallMedia>(media), "dc1", TimeSpan.FromDays(365));
        await agent.LogInAsync();
        await media.WaitForAsync(agentId, nameof(ICallMedia.OpenLineAsync));
        var lineId = (string)media.For(agentId).Single().Argument!;
        await agent.OnLineEventAsync(new AgentLineEvent(lineId, Up: true));

        TestCluster.Kill(frontEnd);

        // On fake time the silos declare the dead client so only as the clock moves (heartbeats, suspicion).
        for (var i = 0; i < 100 && (await agent.GetStatusAsync()).Line != AgentLineState.None; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(200));
        }
        var status = await agent.GetStatusAsync();
        Assert.Equal((Presence.Paused, AgentRules.LineLostPauseCode, AgentLineState.None), (status.Presence, status.PauseCodeId, status.Line));
        await registry.WithdrawAsync("fe-dying");
    }

    /// <summary>The id of the <paramref name="count"/>-th line the agent asked the front end to open.</summary>
    private async Task<string> OpenedLineAsync(string agentId, int count)
    {
        await Eventually.TrueAsync(() => fixture.Media.For(agentId).Count(c => c.Name == nameof(ICallMedia.OpenLineAsync)) >= count, Wait,
            $"agent {agentId} asks the front end to open line {count}");
        return (string)fixture.Media.For(agentId).Where(c => c.Name == nameof(ICallMedia.OpenLineAsync)).ElementAt(count - 1).Argument!;
    }
}
