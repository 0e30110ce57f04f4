using System.Text.Json;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using FsCheck.Fluent;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class RoutingProperties
{
    [Fact]
    public void Push_offers_only_to_an_agent_that_may_take_the_work_and_always_when_one_may() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PushInputs.ToArbitrary(), input =>
        {
            var decision = PushRouter.Decide(input);
            var allowed = input.Agents.Where(a => RoutingGen.MayTake(a, input.Work, input.Now)).ToList();
            if (decision.ChosenAgentId is null)
            {
                return allowed.Count == 0;
            }
            var chosen = input.Agents.Single(a => a.AgentId == decision.ChosenAgentId);
            var chosenPriority = chosen.Queues.Single(q => q.QueueId == input.Work.QueueId).Priority;
            var bestPriority = allowed.Where(a => !input.Work.MissedBy.Contains(a.AgentId))
                .Select(a => a.Queues.Single(q => q.QueueId == input.Work.QueueId).Priority).DefaultIfEmpty(chosenPriority).Max();
            return RoutingGen.MayTake(chosen, input.Work, input.Now)
                && (input.Work.MissedBy.Contains(chosen.AgentId) ? allowed.All(a => input.Work.MissedBy.Contains(a.AgentId)) : chosenPriority == bestPriority)
                && decision.Candidates.Count(c => c.Exclusion is null) == allowed.Count
                && decision.Candidates.Single(c => c.Rank == 1).AgentId == chosen.AgentId;
        }));

    [Fact]
    public void Pull_takes_only_work_the_agent_may_take_and_always_when_it_may() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PullInputs.ToArbitrary(), input =>
        {
            var decision = PullRouter.Decide(input);
            var allowed = input.Heads.Where(w => RoutingGen.MayTake(input.Agent, w, input.Now)).ToList();
            if (decision.ChosenWorkItemId is null)
            {
                return allowed.Count == 0;
            }
            var chosen = input.Heads.Single(w => w.Id == decision.ChosenWorkItemId);
            var heldForMe = allowed.Any(w => w.StickyAgentId == input.Agent.AgentId && input.Now < w.StickyUntil);
            var notMissed = allowed.Where(w => !w.MissedBy.Contains(input.Agent.AgentId)).ToList();
            var pool = notMissed.Count > 0 ? notMissed : allowed;
            return RoutingGen.MayTake(input.Agent, chosen, input.Now)
                && (heldForMe ? decision.Rule == RoutingRule.StickyWork : pool.Contains(chosen) && chosen.Priority == pool.Max(w => w.Priority));
        }));

    [Fact]
    public void Replaying_a_recorded_push_reproduces_it() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PushInputs.ToArbitrary(), input =>
        {
            var recorded = JsonSerializer.Serialize(PushRouter.Decide(input));
            var journaled = JsonSerializer.Deserialize<PushDecision>(recorded)!;
            return JsonSerializer.Serialize(PushRouter.Decide(journaled.Input)) == recorded;
        }), maxTest: 200);

    [Fact]
    public void Replaying_a_recorded_pull_reproduces_it() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PullInputs.ToArbitrary(), input =>
        {
            var recorded = JsonSerializer.Serialize(PullRouter.Decide(input));
            var journaled = JsonSerializer.Deserialize<PullDecision>(recorded)!;
            return JsonSerializer.Serialize(PullRouter.Decide(journaled.Input)) == recorded;
        }), maxTest: 200);

    [Fact]
    public void Push_does_not_depend_on_the_order_of_candidates() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PushInputs.ToArbitrary(), input =>
            PushRouter.Decide(input).ChosenAgentId == PushRouter.Decide(input with { Agents = [.. input.Agents.Reverse()] }).ChosenAgentId));

    [Fact]
    public void Pull_does_not_depend_on_the_order_of_heads() =>
        RoutingGen.Check(Prop.ForAll(RoutingGen.PullInputs.ToArbitrary(), input =>
            PullRouter.Decide(input).ChosenWorkItemId == PullRouter.Decide(input with { Heads = [.. input.Heads.Reverse()] }).ChosenWorkItemId));
}
