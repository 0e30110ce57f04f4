using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class PullRouterTests
{
    private static readonly AgentSnapshot Agent = Build.Agent("a1", "q1", "q2", "q3");

    [Fact]
    public void Work_priority_comes_first_across_queues()
    {
        var decision = Build.Pull(Agent.WithPriority("q1", 10),
            Build.Work("old", "q1", 0), Build.Work("vip", "q2", 60) with { CallerBoost = 5 });

        Assert.Equal("vip", decision.ChosenWorkItemId);
        Assert.Equal("q2", decision.ChosenQueueId);
        Assert.Equal(RoutingRule.RankedWork, decision.Rule);
    }

    [Fact]
    public void Then_the_agents_priority_for_the_queue()
    {
        var decision = Build.Pull(Agent.WithPriority("q2", 7), Build.Work("w1", "q1", 0), Build.Work("w2", "q2", 60));

        Assert.Equal("w2", decision.ChosenWorkItemId);
    }

    [Fact]
    public void Then_the_earliest_arrival_across_queues()
    {
        var decision = Build.Pull(Agent, Build.Work("w1", "q1", 30), Build.Work("w2", "q2", 10), Build.Work("w3", "q3", 20));

        Assert.Equal("w2", decision.ChosenWorkItemId);
        Assert.Equal([3, 1, 2], decision.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void Equal_arrivals_break_ties_by_queue_id_then_sequence()
    {
        var decision = Build.Pull(Agent, Build.Work("w1", "q2", 0) with { Sequence = 1 },
            Build.Work("w2", "q1", 0) with { Sequence = 9 }, Build.Work("w3", "q1", 0) with { Sequence = 4 });

        Assert.Equal("w3", decision.ChosenWorkItemId);
    }

    [Fact]
    public void Work_the_agent_let_ring_out_comes_after_all_other_work_but_is_still_taken_when_alone()
    {
        var missed = Build.Work("missed", "q1", 0) with { CallerBoost = 50, MissedBy = ["a1"] };

        var decision = Build.Pull(Agent, missed, Build.Work("later", "q2", 60));
        var alone = Build.Pull(Agent, missed);

        Assert.Equal("later", decision.ChosenWorkItemId);
        Assert.True(decision.Candidates[0].MissedByAgent);
        Assert.Equal([2, 1], decision.Candidates.Select(c => c.Rank));
        Assert.Equal("missed", alone.ChosenWorkItemId);
    }

    [Fact]
    public void Work_held_for_this_agent_comes_before_higher_priority_work()
    {
        var sticky = Build.Work("mine", "q1", 90) with { StickyAgentId = "a1", StickyUntil = Build.T0.AddMinutes(6) };

        var decision = Build.Pull(Agent, Build.Work("vip", "q2", 0) with { CallerBoost = 50 }, sticky);

        Assert.Equal("mine", decision.ChosenWorkItemId);
        Assert.Equal(RoutingRule.StickyWork, decision.Rule);
        Assert.True(decision.Candidates[1].HeldForAgent);
    }

    [Fact]
    public void Work_held_for_another_agent_is_set_aside()
    {
        var theirs = Build.Work("theirs", "q1", 0) with { StickyAgentId = "a2", StickyUntil = Build.T0.AddMinutes(6) };

        var decision = Build.Pull(Agent, theirs, Build.Work("next", "q1", 10));

        Assert.Equal("next", decision.ChosenWorkItemId);
        Assert.Equal(ExclusionReason.HeldForAnotherAgent, decision.Candidates[0].Exclusion);
    }

    [Fact]
    public void Work_the_agent_cannot_take_is_excluded_with_its_reason()
    {
        var agent = Agent.WithSlot(new MediumSlot(Medium.Chat, 3, 3, true));

        var decision = Build.Pull(agent,
            Build.Work("chat", "q1", 0) with { Medium = Medium.Chat },
            Build.Work("german", "q1", 1) with { RequiredSkills = [new SkillRequirement("german", 1)] },
            Build.Work("elsewhere", "q9", 2),
            Build.Work("ok", "q2", 3));

        Assert.Equal("ok", decision.ChosenWorkItemId);
        Assert.Equal([ExclusionReason.AtCapacity, ExclusionReason.MissingSkill, ExclusionReason.NotInQueue, null],
            decision.Candidates.Select(c => c.Exclusion));
    }

    [Fact]
    public void A_paused_agent_takes_nothing()
    {
        var decision = Build.Pull(Agent with { Presence = Presence.Paused }, Build.Work("w1"));

        Assert.Null(decision.ChosenWorkItemId);
        Assert.Equal(RoutingRule.AgentNotAvailable, decision.Rule);
    }

    [Fact]
    public void Nothing_eligible_is_said_so()
    {
        Assert.Equal(RoutingRule.NoEligibleWork, Build.Pull(Agent).Rule);
        Assert.Equal(RoutingRule.NoEligibleWork, Build.Pull(Agent, Build.Work("w1", "q9")).Rule);
    }
}
