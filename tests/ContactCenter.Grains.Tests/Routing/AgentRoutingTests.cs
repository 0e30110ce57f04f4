using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.Routing;

/// <summary>Agents and queues driving each other on an in-process cluster: queue log-ins reach the queues, and an agent
/// that becomes ready pulls the globally best work across its queues (cross-queue fairness), recorded with its
/// decision.</summary>
public sealed class AgentRoutingTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private static readonly TimeSpan Wait = RoutingClusterFixture.Wait;

    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = QueueJsonContext.Default };

    [Fact]
    public async Task Logging_in_and_out_reaches_every_queue_of_the_agent()
    {
        var sales = fixture.NewQueue("sales");
        var support = fixture.NewQueue("support");
        var agent = fixture.NewAgent("joiner", [new(sales.GetPrimaryKeyString()), new(support.GetPrimaryKeyString())]);
        var agentId = agent.GetPrimaryKeyString();

        Assert.True((await agent.LogInAsync()).Succeeded);
        await InQueuesAsync(agentId, [sales, support], expected: true, "after log-in");
        Assert.True((await agent.LogOutOfQueueAsync(support.GetPrimaryKeyString(), AgentActor.Supervisor)).Changed);
        await InQueuesAsync(agentId, [support], expected: false, "after leaving support");
        Assert.Contains(agentId, (await sales.GetSnapshotAsync()).Agents);
        Assert.True((await agent.LogOutAsync("end of shift")).Changed);
        await InQueuesAsync(agentId, [sales, support], expected: false, "after log-out");
    }

    [Fact]
    public async Task A_ready_agent_takes_the_earliest_work_across_its_queues_and_the_claim_replays()
    {
        var sales = fixture.NewQueue("sales");
        var support = fixture.NewQueue("support");
        await support.EnqueueAsync(Call("older"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await sales.EnqueueAsync(Call("newer"));
        var agent = fixture.NewAgent("fair", [new(sales.GetPrimaryKeyString()), new(support.GetPrimaryKeyString())]);

        await agent.LogInAsync();

        await fixture.HoldsAsync(agent, "older");
        // The queue reserves the agent before it journals the claim or offer, in the same turn: a read waits for that turn.
        await support.GetSnapshotAsync();
        var claim = Assert.Single((await fixture.JournalAsync(support)).OfType<WorkClaimed>());
        Assert.Equal(("older", agent.GetPrimaryKeyString(), RoutingRule.RankedWork),
            (claim.WorkId, claim.AgentId, claim.Decision.Rule));
        Assert.Equal(["newer", "older"], claim.Decision.Candidates.Select(c => c.WorkItemId).Order(StringComparer.Ordinal));
        Assert.Equal(JsonSerializer.Serialize(claim.Decision, Options), JsonSerializer.Serialize(PullRouter.Decide(claim.Decision.Input), Options));
        Assert.Empty((await fixture.JournalAsync(sales)).OfType<WorkOffered>());

        // Once free, the agent gets the remaining work: pulled by its router or pushed by the queue, whichever runs
        // first (both are right when only one item waits), and exactly once.
        await HandleAsync(support, agent, "older");
        await fixture.HoldsAsync(agent, "newer");
        await sales.GetSnapshotAsync(); // the offer's or claim's turn has ended
        var salesJournal = await fixture.JournalAsync(sales);
        Assert.Equal(1, salesJournal.OfType<WorkClaimed>().Count(c => c.WorkId == "newer") + salesJournal.OfType<WorkOffered>().Count(o => o.WorkId == "newer"));
    }

    [Fact]
    public async Task Higher_work_priority_is_taken_before_earlier_arrival()
    {
        var sales = fixture.NewQueue("sales");
        var vip = fixture.NewQueue("vip", priority: 20);
        await sales.EnqueueAsync(Call("plain"));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await vip.EnqueueAsync(Call("important"));
        var agent = fixture.NewAgent("prio", [new(sales.GetPrimaryKeyString()), new(vip.GetPrimaryKeyString())]);

        await agent.LogInAsync();

        await fixture.HoldsAsync(agent, "important");
        await HandleAsync(vip, agent, "important");
        await fixture.HoldsAsync(agent, "plain");
    }

    [Fact]
    public async Task With_equal_work_priority_the_agents_priority_for_the_queue_comes_before_arrival()
    {
        var sales = fixture.NewQueue("sales");
        var support = fixture.NewQueue("support");
        await sales.EnqueueAsync(Call("early"));
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await support.EnqueueAsync(Call("preferred"));
        var agent = fixture.NewAgent("leaning",
            [new(sales.GetPrimaryKeyString(), Priority: 1), new(support.GetPrimaryKeyString(), Priority: 5)]);

        await agent.LogInAsync();

        await fixture.HoldsAsync(agent, "preferred");
    }

    [Fact]
    public async Task A_resumed_agent_pulls_and_work_arriving_for_an_idle_agent_is_pushed()
    {
        var sales = fixture.NewQueue("sales");
        var agent = fixture.NewAgent("resumer", [new(sales.GetPrimaryKeyString())]);
        fixture.Agents.Put(new PauseCode { Id = "lunch", Name = "Lunch", Kind = PauseKind.Private });
        await agent.LogInAsync();
        await InQueuesAsync(agent.GetPrimaryKeyString(), [sales], expected: true, "after log-in");
        await agent.PauseAsync("lunch");
        await sales.EnqueueAsync(Call("waiting"));

        await agent.ResumeAsync();
        await fixture.HoldsAsync(agent, "waiting");
        await sales.GetSnapshotAsync(); // the claim's turn has ended
        Assert.Single((await fixture.JournalAsync(sales)).OfType<WorkClaimed>());

        await HandleAsync(sales, agent, "waiting");
        // A run of the router waits for the one in flight, then finds nothing and ends the agent's pull round.
        var settled = await fixture.Cluster.Client.GetGrain<IAgentRouterGrain>(agent.GetPrimaryKeyString()).RunAsync();
        Assert.Empty(settled.Claimed);
        var pushed = await sales.EnqueueAsync(Call("pushed"));
        Assert.Equal((EnqueueOutcome.Offered, agent.GetPrimaryKeyString()), (pushed.Outcome, pushed.OfferedTo));
        Assert.Single((await fixture.JournalAsync(sales)).OfType<WorkOffered>());
    }

    [Fact]
    public async Task A_chat_agent_fills_every_free_slot_in_one_run()
    {
        var chat = fixture.NewQueue("chat");
        foreach (var id in new[] { "t1", "t2", "t3", "t4" })
        {
            await chat.EnqueueAsync(Call(id) with { Medium = Contracts.Medium.Chat });
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var agent = fixture.NewAgent("chatter", [new(chat.GetPrimaryKeyString())], [new MediumCapacity(Contracts.Medium.Chat, 3)]);

        await agent.LogInAsync();

        await fixture.HoldsAsync(agent, "t1", "t2", "t3");
        Assert.Equal(["t4"], (await chat.GetSnapshotAsync()).Waiting.Where(w => w.OfferedTo is null).Select(w => w.Work.Id));
    }

    /// <summary>Answers the offer, ends the conversation and finishes wrap-up, as the call and the workspace would.</summary>
    private static async Task HandleAsync(IQueueGrain queue, IAgentGrain agent, string workId)
    {
        Assert.True((await agent.AnswerAsync(workId)).Succeeded, $"answer {workId}");
        Assert.True((await queue.AnsweredAsync(workId, agent.GetPrimaryKeyString())).Changed, $"{workId} answered at the queue");
        Assert.True((await agent.EndWorkAsync(workId)).Succeeded, $"end {workId}");
        Assert.True((await agent.FinishWrapUpAsync(workId)).Succeeded, $"finish wrap-up of {workId}");
    }

    private static Task InQueuesAsync(string agentId, IQueueGrain[] queues, bool expected, string phase) =>
        Eventually.TrueAsync(
            async () =>
            {
                foreach (var queue in queues)
                {
                    if ((await queue.GetSnapshotAsync()).Agents.Contains(agentId) != expected)
                    {
                        return false;
                    }
                }
                return true;
            },
            Wait, $"agent {agentId} {(expected ? "in" : "out of")} {string.Join(", ", queues.Select(q => q.GetPrimaryKeyString()))} {phase}");
}
