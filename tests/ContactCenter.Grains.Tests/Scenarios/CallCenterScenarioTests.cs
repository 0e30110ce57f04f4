using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Queues;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Scenarios;

/// <summary>A simulated day through the grains (ARCHITECTURE's invariants under load): 200 agents, 20 queues, 2,000
/// calls with random handle times, abandons and agents who do not answer. Every call ends answered, abandoned (in the
/// phase it was in) or overflowed to an external number; no agent is left holding work; the queues' and agents'
/// counters agree with the calls.</summary>
public sealed class CallCenterScenarioTests
{
    [Fact]
    public async Task A_busy_day_ends_with_every_call_accounted_for_and_no_agent_stuck()
    {
        var time = new FakeTimeProvider();
        var agents = new InMemoryAgentConfiguration();
        var queues = new InMemoryQueueConfiguration();
        await using var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 2,
            Time = time,
            ConfigureServices = services =>
            {
                services.AddSingleton(agents);
                services.AddSingleton(queues);
                services.AddCalls();
            },
        });
        var plan = new SimulationPlan("day", Queues: 20, Agents: 200, Calls: 2000, ArrivalWindow: TimeSpan.FromMinutes(20),
            DrainTime: TimeSpan.FromMinutes(40), Seed: 20261201);
        var simulation = new CallCenterSimulation(cluster, time, agents, queues, plan);
        await simulation.SetUpAsync();

        await simulation.RunAsync();

        var client = cluster.Client;
        var calls = await Task.WhenAll(simulation.CallIds.Select(id => client.GetGrain<ICallGrain>(id).GetStatusAsync()));
        var open = calls.Where(c => c.Phase != CallPhase.Ended).Select(c => $"{c.CallId}:{c.Phase}").ToList();
        Assert.True(open.Count == 0, $"calls not ended: {string.Join(", ", open.Take(20))}");
        var reasons = calls.GroupBy(c => c.EndReason!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(reasons.Keys.All(r => r is CallEndReason.Abandoned or CallEndReason.Completed or CallEndReason.Forwarded),
            $"unexpected end reasons: {string.Join(", ", reasons.Select(r => $"{r.Key}={r.Value}"))}");
        Assert.All(calls.Where(c => c.EndReason == CallEndReason.Abandoned),
            c => Assert.True(c.AbandonPhase is AbandonPhase.InQueue or AbandonPhase.RingingAtAgent, $"{c.CallId} abandoned {c.AbandonPhase}"));
        Assert.All(calls.Where(c => c.EndReason == CallEndReason.Forwarded),
            c => Assert.NotNull(c.QueueId));

        await Eventually.TrueAsync(async () =>
            {
                var statuses = await Task.WhenAll(simulation.AgentIds.Select(id => client.GetGrain<IAgentGrain>(id).GetStatusAsync()));
                return statuses.All(s => s.Work.IsEmpty);
            },
            TimeSpan.FromSeconds(30), "every agent to hold no work after the day");
        var agentStatuses = await Task.WhenAll(simulation.AgentIds.Select(id => client.GetGrain<IAgentGrain>(id).GetStatusAsync()));
        var queueSnapshots = await Task.WhenAll(simulation.QueueIds.Select(id => client.GetGrain<IQueueGrain>(id).GetSnapshotAsync()));

        var completed = reasons.GetValueOrDefault(CallEndReason.Completed);
        var abandoned = reasons.GetValueOrDefault(CallEndReason.Abandoned);
        var left = queueSnapshots.SelectMany(q => q.Waiting.Select(w => $"{w.Work.Id} in {q.QueueId} offered to {w.OfferedTo}")).ToList();
        Assert.True(left.Count == 0, $"work left in queues after every call ended: {string.Join(", ", left)}");
        Assert.Equal(completed, queueSnapshots.Sum(q => q.Counters.Answered));
        Assert.Equal(abandoned, queueSnapshots.Sum(q => q.Counters.Abandoned));
        var handledByAgent = calls.Where(c => c.EndReason == CallEndReason.Completed).GroupBy(c => c.AgentId!)
            .ToDictionary(g => g.Key, g => g.Select(c => c.CallId).ToList());
        var miscounted = agentStatuses.Where(a => a.Counters.Handled != (handledByAgent.GetValueOrDefault(a.AgentId)?.Count ?? 0))
            .Select(a => $"{a.AgentId} handled {a.Counters.Handled}, calls [{string.Join(", ", handledByAgent.GetValueOrDefault(a.AgentId) ?? [])}]")
            .ToList();
        Assert.True(miscounted.Count == 0, $"agents whose handled count differs from their completed calls: {string.Join("; ", miscounted)}");
        Assert.Equal(calls.Sum(c => c.MissedBy.Length), agentStatuses.Sum(a => a.Counters.Missed));
        Assert.All(queueSnapshots, q => Assert.Equal(q.Counters.Offered,
            q.Counters.Answered + q.Counters.Abandoned + q.Counters.Overflowed + q.Counters.Withdrawn));
        Assert.True(completed > plan.Calls / 2, $"only {completed} of {plan.Calls} calls were answered");
        Assert.True(calls.Sum(c => c.MissedBy.Length) > 0, "no agent ever let a call ring out");
    }
}
