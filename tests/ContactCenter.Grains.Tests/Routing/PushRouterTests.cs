using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class PushRouterTests
{
    private static AgentSnapshot Idle(string id, int minutes) => Build.Agent(id, "q1") with { IdleSince = Build.T0.AddMinutes(-minutes) };

    [Fact]
    public void Longest_idle_is_the_default()
    {
        var decision = Build.Push(Build.Work("w1"), Idle("a1", 3), Idle("a2", 9), Idle("a3", 5));

        Assert.Equal("a2", decision.ChosenAgentId);
        Assert.Equal(RoutingRule.RankedAgents, decision.Rule);
        Assert.Equal([3, 1, 2], decision.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void An_agent_in_a_pull_round_is_passed_over_because_it_takes_its_next_work_by_pulling()
    {
        var decision = Build.Push(Build.Work("w1"), Idle("a1", 9) with { Pulling = true }, Idle("a2", 3));

        Assert.Equal("a2", decision.ChosenAgentId);
        Assert.Equal(ExclusionReason.PullInProgress, decision.Candidates[0].Exclusion);
        Assert.Equal(RoutingRule.NoEligibleAgent, Build.Push(Build.Work("w1"), Idle("a1", 9) with { Pulling = true }).Rule);
    }

    [Fact]
    public void The_agents_priority_for_the_queue_comes_before_the_strategy()
    {
        var decision = Build.Push(Build.Work("w1"), Idle("a1", 1).WithPriority("q1", 8), Idle("a2", 60));

        Assert.Equal("a1", decision.ChosenAgentId);
    }

    [Fact]
    public void Equal_keys_fall_back_to_agent_id_ordinal()
    {
        var decision = Build.Push(Build.Work("w1"), Idle("b", 5), Idle("B", 5), Idle("a", 5));

        Assert.Equal("B", decision.ChosenAgentId);
    }

    [Fact]
    public void Longest_idle_prefers_fewer_slots_in_use_for_multi_slot_media()
    {
        var busy = Idle("a1", 60).WithSlot(new MediumSlot(Medium.Chat, 3, 2, true));
        var light = Idle("a2", 1).WithSlot(new MediumSlot(Medium.Chat, 3, 1, true));

        var decision = Build.Push(Build.Work("c1") with { Medium = Medium.Chat }, busy, light);

        Assert.Equal("a2", decision.ChosenAgentId);
    }

    [Theory]
    [InlineData(0.5, 10, 0.4, 99, "a2")]
    [InlineData(0.4, 10, 0.4, 9, "a2")]
    [InlineData(0.4, 9, 0.4, 9, "a1")]
    public void Least_occupied_then_fewest_handled_then_longest_idle(double occ1, int handled1, double occ2, int handled2,
        string expected)
    {
        var a1 = Idle("a1", 10) with { Occupancy = occ1, HandledCount = handled1 };
        var a2 = Idle("a2", 5) with { Occupancy = occ2, HandledCount = handled2 };

        Assert.Equal(expected, Build.Push(SelectionStrategy.LeastOccupied, Build.Work("w1"), a1, a2).ChosenAgentId);
    }

    [Fact]
    public void Highest_skill_sums_levels_in_the_required_skills()
    {
        var work = Build.Work("w1") with { RequiredSkills = [new("billing", 1), new("english", 1)] };
        var generalist = Idle("a1", 30) with { Skills = [new("billing", 5), new("english", 5), new("german", 10)] };
        var specialist = Idle("a2", 1) with { Skills = [new("billing", 9), new("english", 3)] };

        var decision = Build.Push(SelectionStrategy.HighestSkill, work, generalist, specialist);

        Assert.Equal("a2", decision.ChosenAgentId);
        Assert.Equal([10, 12], decision.Candidates.Select(c => c.SkillScore));
    }

    [Fact]
    public void An_agent_who_missed_the_work_ranks_last_but_is_still_offered_when_alone()
    {
        var work = Build.Work("w1") with { MissedBy = ["a1"] };

        Assert.Equal("a2", Build.Push(work, Idle("a1", 60).WithPriority("q1", 10), Idle("a2", 1)).ChosenAgentId);
        Assert.Equal("a1", Build.Push(work, Idle("a1", 60)).ChosenAgentId);
    }

    [Fact]
    public void Excluded_agents_are_explained_and_never_chosen()
    {
        var decision = Build.Push(Build.Work("w1"),
            Idle("a1", 60) with { Presence = Presence.Paused },
            Idle("a2", 50).WithSlot(new MediumSlot(Medium.Voice, 1, 0, false)),
            Idle("a3", 1));

        Assert.Equal("a3", decision.ChosenAgentId);
        Assert.Equal([ExclusionReason.Paused, ExclusionReason.NotReadyForMedium, null],
            decision.Candidates.Select(c => c.Exclusion));
        Assert.Equal([0, 0, 1], decision.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void No_eligible_agent_means_no_offer()
    {
        var decision = Build.Push(Build.Work("w1"), Idle("a1", 5).WithSlot(new MediumSlot(Medium.Voice, 1, 1, true)));

        Assert.Null(decision.ChosenAgentId);
        Assert.Equal(RoutingRule.NoEligibleAgent, decision.Rule);
        Assert.Equal(RoutingRule.NoEligibleAgent, Build.Push(Build.Work("w2")).Rule);
    }

    [Fact]
    public void Held_work_goes_to_its_sticky_agent_even_against_priority()
    {
        var work = Build.Work("w1") with { StickyAgentId = "a1", StickyUntil = Build.T0.AddSeconds(30) };

        var decision = Build.Push(work, Idle("a1", 0), Idle("a2", 60).WithPriority("q1", 10));

        Assert.Equal("a1", decision.ChosenAgentId);
        Assert.Equal(RoutingRule.StickyAgent, decision.Rule);
        Assert.Equal(ExclusionReason.HeldForAnotherAgent, decision.Candidates[1].Exclusion);
    }

    [Fact]
    public void Held_work_waits_when_its_sticky_agent_is_busy()
    {
        var work = Build.Work("w1") with { StickyAgentId = "a1", StickyUntil = Build.T0.AddSeconds(30) };

        var decision = Build.Push(work, Idle("a1", 0).WithSlot(new MediumSlot(Medium.Voice, 1, 1, true)), Idle("a2", 60));

        Assert.Null(decision.ChosenAgentId);
        Assert.Equal(RoutingRule.HeldForStickyAgent, decision.Rule);
    }

    [Fact]
    public void After_the_hold_the_sticky_agent_has_no_preference()
    {
        var work = Build.Work("w1") with { StickyAgentId = "a1", StickyUntil = Build.T0 };

        var decision = Build.Push(work, Idle("a1", 0), Idle("a2", 60));

        Assert.Equal("a2", decision.ChosenAgentId);
        Assert.Equal(RoutingRule.RankedAgents, decision.Rule);
    }
}
