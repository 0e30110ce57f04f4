using System.Text.Json;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class PushRouterRecordTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = QueueJsonContext.Default };

    /// <summary>100 agents: every third one paused, the others idle for a different number of minutes.</summary>
    private static PushDecision LargeQueue() => Build.Push(Build.Work("w1"),
        [.. Enumerable.Range(1, 100).Select(i => Build.Agent($"a{i:000}", "q1") with
        {
            IdleSince = Build.T0.AddMinutes(-((i * 37) % 101)),
            Presence = i % 3 == 0 ? Presence.Paused : Presence.Available,
        })]);

    [Fact]
    public void A_small_queue_records_its_decision_whole()
    {
        var decision = Build.Push(Build.Work("w1"), Build.Agent("a1", "q1"), Build.Agent("a2", "q1") with { Presence = Presence.Paused });

        Assert.Same(decision, PushRouter.ForRecord(decision, 1));
    }

    [Fact]
    public void A_large_queue_records_its_best_ranked_agents_and_the_record_replays_with_the_same_choice_and_ranks()
    {
        var decision = LargeQueue();

        var recorded = PushRouter.ForRecord(decision, 1);

        Assert.Equal(PushRouter.RecordedAgents, recorded.Input.Agents.Length);
        Assert.Equal(decision.ChosenAgentId, recorded.ChosenAgentId);
        Assert.Equal(decision.Rule, recorded.Rule);
        Assert.All(recorded.Candidates, c => Assert.Equal(decision.Candidates.Single(d => d.AgentId == c.AgentId).Rank, c.Rank));
        Assert.Equal(Enumerable.Range(1, PushRouter.RecordedAgents), recorded.Candidates.Select(c => c.Rank).Order());
        Assert.Equal(JsonSerializer.Serialize(recorded, Options), JsonSerializer.Serialize(PushRouter.Decide(recorded.Input), Options));
    }

    [Fact]
    public void The_record_reaches_down_to_the_offered_agent_when_better_ranked_ones_refused()
    {
        var decision = LargeQueue();

        var recorded = PushRouter.ForRecord(decision, 40);

        Assert.Equal(40, recorded.Candidates.Max(c => c.Rank));
        Assert.Equal(decision.Candidates.Single(c => c.Rank == 40).AgentId, recorded.Candidates.Single(c => c.Rank == 40).AgentId);
    }
}
