using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Reporting;
using ContactCenter.Storage.Reporting;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Scenarios;

/// <summary>Simulated days through the grains (ARCHITECTURE's invariants under load): agents, queues and calls with
/// random handle times, abandons and agents who do not answer. Every call ends answered, abandoned (in the phase it was
/// in) or overflowed to an external number; no agent is left holding work; nothing is left waiting; the queues' and
/// agents' counters and the interaction facts agree with the calls — also when a silo is killed in the middle of the
/// day.</summary>
public sealed class CallCenterScenarioTests
{
    [Fact]
    public async Task A_busy_day_ends_with_every_call_accounted_for_and_no_agent_stuck()
    {
        var plan = new SimulationPlan("day", Queues: 20, Agents: 200, Calls: 2000, ArrivalWindow: TimeSpan.FromMinutes(20),
            DrainTime: TimeSpan.FromMinutes(40), Seed: 20261201);
        var (cluster, simulation, facts) = await StartAsync(plan, silos: 2);
        await using var _ = cluster;
        await simulation.SetUpAsync();

        await simulation.RunAsync();

        var outcome = await DayOutcome.ReadAsync(cluster.Client, simulation);
        outcome.AssertEveryCallAccountedFor();
        outcome.AssertFactsAgreeWithCalls(await FactsAsync(cluster, facts, simulation));
        var site = cluster.Client.GetGrain<ISiteLiveView>(SiteSettings.SiteId);
        await site.CatchUpAsync();
        outcome.AssertSiteFiguresAgree(await site.GetStatusAsync());
        await DayOutcome.AssertDecisionsReplayAsync(cluster.Storage.Journal, expectedAtLeast: outcome.Completed);
        Assert.Equal(outcome.Completed, outcome.Agents.Sum(a => a.Counters.Handled));
        Assert.Equal(outcome.Calls.Sum(c => c.MissedBy.Length), outcome.Agents.Sum(a => a.Counters.Missed));
        Assert.True(outcome.Completed > plan.Calls / 2, $"only {outcome.Completed} of {plan.Calls} calls were answered");
        Assert.True(outcome.Calls.Sum(c => c.MissedBy.Length) > 0, "no agent ever let a call ring out");
    }

    [Fact]
    public async Task Killing_the_busiest_silo_mid_day_loses_no_waiting_call_and_strands_no_agent()
    {
        var plan = new SimulationPlan("kill", Queues: 10, Agents: 100, Calls: 800, ArrivalWindow: TimeSpan.FromMinutes(10),
            DrainTime: TimeSpan.FromMinutes(40), Seed: 7);
        var (cluster, simulation, facts) = await StartAsync(plan, silos: 3);
        await using var _ = cluster;
        await simulation.SetUpAsync();
        Silo? victim = null;

        await simulation.RunAsync(tick =>
        {
            if (tick == 300)
            {
                victim = cluster.Silos.MaxBy(s => s.ActivationCount)!;
                TestCluster.Kill(victim);
                simulation.SettleAfterKill(victim);
            }
            return Task.CompletedTask;
        });

        Assert.NotNull(victim);
        var outcome = await DayOutcome.ReadAsync(cluster.Client, simulation);
        outcome.AssertEveryCallAccountedFor(exactCounters: false);
        outcome.AssertFactsAgreeWithCalls(await FactsAsync(cluster, facts, simulation));
        await DayOutcome.AssertDecisionsReplayAsync(cluster.Storage.Journal, expectedAtLeast: outcome.Completed);
        Assert.True(outcome.Agents.Sum(a => a.Counters.Handled) <= outcome.Completed,
            $"agents handled {outcome.Agents.Sum(a => a.Counters.Handled)} calls but only {outcome.Completed} were answered (double assignment?)");
    }

    /// <summary>The facts of the day's calls once the projection (which followed the day on its own) has caught up.</summary>
    private static async Task<IReadOnlyDictionary<string, InteractionFact>> FactsAsync(TestCluster cluster, IInteractionFactStore facts, CallCenterSimulation simulation)
    {
        await cluster.Client.GetGrain<IInteractionFactsProjection>(IInteractionFactsProjection.Key).CatchUpAsync();
        return await facts.GetAsync(simulation.CallIds, TestContext.Current.CancellationToken);
    }

    private static async Task<(TestCluster Cluster, CallCenterSimulation Simulation, IInteractionFactStore Facts)> StartAsync(SimulationPlan plan, int silos)
    {
        var facts = new InMemoryInteractionFactStore();
        var time = new FakeTimeProvider();
        var agents = new InMemoryAgentConfiguration();
        var queues = new InMemoryQueueConfiguration();
        var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = silos,
            Time = time,
            ConfigureServices = services =>
            {
                services.AddSingleton(agents);
                services.AddSingleton(queues);
                services.AddCalls();
                services.AddJournalProjections();
                services.AddSingleton<IInteractionFactStore>(facts);
            },
        });
        // Started before the day, the projection follows it by itself (and moves if its silo is killed).
        await cluster.Client.GetGrain<IInteractionFactsProjection>(IInteractionFactsProjection.Key).CatchUpAsync();
        return (cluster, new CallCenterSimulation(cluster, time, agents, queues, plan), facts);
    }
}
