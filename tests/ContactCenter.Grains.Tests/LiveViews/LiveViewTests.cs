using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.LiveViews;

/// <summary>The live-view streams: every accepted agent and queue change reaches a subscriber in another process, in
/// order, numbered without gaps and stamped with the grain's journal version.</summary>
public sealed class LiveViewTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    [Fact]
    public async Task Agent_changes_reach_a_subscriber_in_order_with_their_journal_versions()
    {
        var sales = fixture.NewQueue("sales");
        var agent = fixture.NewAgent("watched", [new(sales.GetPrimaryKeyString())]);
        fixture.Agents.Put(new PauseCode { Id = "coffee", Name = "Coffee", Kind = PauseKind.Private });
        var seen = new ConcurrentQueue<(AgentStatus Status, StreamSequenceToken Token)>();
        var handle = await fixture.Cluster.Client.Streams.GetStream<AgentStatus>(LiveStreams.Agent(agent.GetPrimaryKeyString()))
            .SubscribeAsync((status, token) =>
            {
                seen.Enqueue((status, token));
                return Task.CompletedTask;
            });

        await agent.LogInAsync();
        await agent.PauseAsync("coffee");
        await agent.ResumeAsync();

        var final = await agent.GetStatusAsync();
        await Eventually.TrueAsync(() => seen.Any(s => s.Status.Version == final.Version), RoutingClusterFixture.Wait,
            $"the live view of {agent.GetPrimaryKeyString()} to reach version {final.Version}");
        var items = seen.ToList();
        Assert.Equal([Presence.Available, Presence.Paused, Presence.Available], items.Select(i => i.Status.Presence));
        Assert.Equal(items.Select(i => i.Status.Version).Order(), items.Select(i => i.Status.Version));
        Assert.All(items.Zip(items.Skip(1)), pair => Assert.True(pair.First.Token.IsFollowedBy(pair.Second.Token)));
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_no_answer_policy_that_fires_alerts_supervisors()
    {
        var agentId = $"sleepy-{Guid.NewGuid():N}";
        fixture.Agents.Put(new PauseCode { Id = "missed", Name = "Missed calls", Kind = PauseKind.Work });
        fixture.Agents.Put(new NoAnswerPolicy { Id = "one-strike", Name = "One strike", MaxMisses = 1, PauseCodeId = "missed" });
        fixture.Agents.Put(new AgentProfile
        {
            Id = agentId,
            Version = 1,
            Name = "sleepy",
            Capacities = [new MediumCapacity(Contracts.Medium.Voice, 1)],
            NoAnswerPolicyId = "one-strike",
        });
        var agent = fixture.Cluster.Client.GetGrain<IAgentGrain>(agentId);
        var alerts = new ConcurrentQueue<SupervisorAlert>();
        var handle = await fixture.Cluster.Client.Streams.GetStream<SupervisorAlert>(LiveStreams.Alerts)
            .SubscribeAsync((alert, _) =>
            {
                alerts.Enqueue(alert);
                return Task.CompletedTask;
            });
        await agent.LogInAsync();
        Assert.True((await agent.TryReserveAsync(new ReservationRequest { WorkId = "c1" })).Granted);
        await agent.RingAsync("c1");

        await agent.ReleaseAsync("c1", ReleaseReason.NoAnswer);

        await Eventually.TrueAsync(() => alerts.Any(a => a.AgentId == agentId), RoutingClusterFixture.Wait, $"an alert about {agentId}");
        var alert = alerts.Single(a => a.AgentId == agentId);
        Assert.Equal(SupervisorAlertKind.NoAnswerPolicy, alert.Kind);
        Assert.Contains("paused (missed)", alert.Message, StringComparison.Ordinal);
        Assert.Equal(Presence.Paused, (await agent.GetStatusAsync()).Presence);
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task Queue_changes_carry_waiting_offered_and_the_oldest_arrival()
    {
        var sales = fixture.NewQueue("sales");
        var seen = new ConcurrentQueue<QueueLiveStatus>();
        var handle = await fixture.Cluster.Client.Streams.GetStream<QueueLiveStatus>(LiveStreams.Queue(sales.GetPrimaryKeyString()))
            .SubscribeAsync((status, _) =>
            {
                seen.Enqueue(status);
                return Task.CompletedTask;
            });
        var first = fixture.Time.GetUtcNow();

        await sales.EnqueueAsync(Call("c1"));
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        await sales.EnqueueAsync(Call("c2"));

        await Eventually.TrueAsync(() => seen.Any(s => s.Waiting == 2), RoutingClusterFixture.Wait, "two waiting in the live view");
        var last = seen.Last();
        Assert.Equal((2, 0, (DateTimeOffset?)first, 2), (last.Waiting, last.Offered, last.OldestArrival, last.Counters.Offered));
        await handle.UnsubscribeAsync();
    }
}
