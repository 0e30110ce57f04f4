using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Routing;
using ContactCenter.Grains.Tests.Routing;
using FsCheck;
using FsCheck.Fluent;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>Random command sequences through <see cref="QueueRules"/> and the fold: the counters always add up, the
/// list stays in waiting order, offers name waiting work, and refused commands change nothing.</summary>
public sealed class QueueStateProperties
{
    private static readonly string[] AgentIds = ["a1", "a2", "a3"];

    private static readonly Queue Config = Queue() with
    {
        Overflow =
        [
            new OverflowRule { Condition = OverflowCondition.QueueLength, MaxLength = 6, Target = new RoutingTarget(RoutingTargetKind.Queue, "q2") },
            new OverflowRule { Condition = OverflowCondition.WaitTime, MaxWait = TimeSpan.FromSeconds(90), Target = new RoutingTarget(RoutingTargetKind.Queue, "q3") },
        ],
    };

    private static readonly Gen<(int Kind, int Work, int Agent, int Boost)> Command =
        from kind in Gen.Choose(0, 9)
        from work in Gen.Choose(0, 9)
        from agent in Gen.Choose(0, 2)
        from boost in Gen.Choose(0, 3)
        select (kind, work, agent, boost);

    [Fact]
    public void Counters_add_up_and_the_list_stays_ordered_under_any_command_sequence() =>
        RoutingGen.Check(Prop.ForAll(Gen.ArrayOf(Command).ToArbitrary(), commands =>
        {
            var state = QueueState.Initial;
            for (var step = 0; step < commands.Length; step++)
            {
                var (kind, work, agent, boost) = commands[step];
                var now = At(step * 10);
                var workId = $"c{work}";
                var agentId = AgentIds[agent];
                var decision = kind switch
                {
                    0 or 1 => QueueRules.Enqueue(state, Config.Id, Config, Call(workId, boost), now),
                    2 => state.Find(workId) is { } item
                        ? QueueRules.Offer(state, workId, agentId, Decision(item, now), [], now)
                        : QueueRules.Abandon(state, workId, now),
                    3 => QueueRules.ReturnOffer(state, workId, agentId, (ReleaseReason)boost, now),
                    4 => QueueRules.Answer(state, workId, agentId, Config.SlaThreshold, now),
                    5 => QueueRules.Abandon(state, workId, now),
                    6 => QueueRules.Withdraw(state, workId, "transfer", now),
                    7 => QueueRules.AgentJoined(state, agentId, now),
                    8 => QueueRules.AgentLeft(state, agentId, now),
                    _ => QueueRules.EvaluateOverflow(state, Config, now),
                };
                if (!decision.Accepted && !decision.Events.IsDefaultOrEmpty)
                {
                    return false;
                }
                state = decision.Events.Aggregate(state, (s, e) => s.Apply(e));
                if (!Consistent(state))
                {
                    return false;
                }
            }
            return true;
        }), maxTest: 300);

    private static bool Consistent(QueueState state)
    {
        var c = state.Counters;
        var items = state.Waiting.Items.ToList();
        var ordered = items.Zip(items.Skip(1)).All(p => WaitingOrder.Instance.Compare(p.First, p.Second) < 0);
        var offersValid = state.Waiting.Offers.All(o => state.Find(o.Key) is not null);
        var sequencesUnique = items.Select(i => i.Sequence).Distinct().Count() == items.Count;
        return c.Offered == c.Answered + c.Abandoned + c.Withdrawn + c.Overflowed + state.Waiting.Count
            && c.AnsweredWithinSla <= c.Answered
            && ordered && offersValid && sequencesUnique
            && state.Agents.SequenceEqual(state.Agents.Distinct().Order(StringComparer.Ordinal));
    }

    private static PushDecision Decision(WorkItem work, DateTimeOffset now) =>
        new(new PushInput(work, SelectionStrategy.LongestIdle, [], now), RoutingRule.RankedAgents, "a1", []);
}
