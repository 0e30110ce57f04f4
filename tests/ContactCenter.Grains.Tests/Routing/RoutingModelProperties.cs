using System.Collections.Immutable;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Grains.Tests.Routing;

/// <summary>Properties over sequences of routing decisions, driving the pure functions the way the grains will.</summary>
public sealed class RoutingModelProperties
{
    private sealed record Step(bool Arrive, Medium Medium, string Queue, int Pick);

    private static readonly Gen<Step[]> Steps = Gen.ArrayOf(
        from arrive in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from medium in Gen.Elements(RoutingGen.Media)
        from queue in Gen.Elements(RoutingGen.Queues)
        from pick in Gen.Choose(0, 1000)
        select new Step(arrive, medium, queue, pick));

    private static readonly Gen<int[][]> Capacities = Gen.ArrayOf(
        from voice in Gen.Choose(0, 1)
        from chat in Gen.Choose(0, 3)
        select new[] { voice, chat });

    [Fact]
    public void Offers_never_exceed_capacity_over_a_sequence_of_arrivals_completions_and_pulls() =>
        RoutingGen.Check(Prop.ForAll(Capacities.ToArbitrary(), Steps.ToArbitrary(), (capacities, steps) =>
        {
            var agents = Enumerable.Range(0, capacities.Length).Select(i => $"a{i}").ToArray();
            var held = agents.ToDictionary(a => a, _ => new List<(string Work, Medium Medium)>());
            var waiting = RoutingGen.Queues.ToDictionary(q => q, _ => WaitingList.Empty);
            var next = 0;

            AgentSnapshot Snapshot(int i) => Build.Agent(agents[i], RoutingGen.Queues) with
            {
                Slots =
                [
                    new MediumSlot(Medium.Voice, capacities[i][0], held[agents[i]].Count(h => h.Medium == Medium.Voice), true),
                    new MediumSlot(Medium.Chat, capacities[i][1], held[agents[i]].Count(h => h.Medium == Medium.Chat), true),
                ],
            };

            bool Offer(int agent, WorkItem work)
            {
                // The agent grain's arbiter runs on its own current state: a stale decision must not overbook.
                if (!Eligibility.CanReserve(Snapshot(agent), work.Medium))
                {
                    return false;
                }
                held[agents[agent]].Add((work.Id, work.Medium));
                waiting[work.QueueId] = waiting[work.QueueId].Remove(work.Id);
                return true;
            }

            foreach (var step in steps)
            {
                if (step.Arrive)
                {
                    var work = Build.Work($"w{next++}", step.Queue, next) with { Medium = step.Medium };
                    waiting[step.Queue] = waiting[step.Queue].Enqueue(work);
                    var snapshots = Enumerable.Range(0, agents.Length).Select(Snapshot).ToImmutableArray();
                    var decision = PushRouter.Decide(new PushInput(work, SelectionStrategy.LongestIdle, snapshots, Build.T0));
                    if (decision.ChosenAgentId is { } chosen && !Offer(Array.IndexOf(agents, chosen), work))
                    {
                        return false.Label($"push chose {chosen} for {work.Id} but the arbiter refused");
                    }
                }
                else if (agents.Length > 0)
                {
                    var agent = step.Pick % agents.Length;
                    var holding = held[agents[agent]];
                    if (holding.Count > 0)
                    {
                        holding.RemoveAt(step.Pick % holding.Count);
                    }
                    var snapshot = Snapshot(agent);
                    var heads = RoutingGen.Queues.SelectMany(q => waiting[q].HeadsFor(snapshot, Build.T0)).ToImmutableArray();
                    var pull = PullRouter.Decide(new PullInput(snapshot, heads, Build.T0));
                    if (pull.ChosenWorkItemId is { } id && !Offer(agent, heads.Single(w => w.Id == id)))
                    {
                        return false.Label($"pull chose {id} for {agents[agent]} but the arbiter refused");
                    }
                }
                for (var i = 0; i < agents.Length; i++)
                {
                    var load = held[agents[i]];
                    if (load.Count(h => h.Medium == Medium.Voice) > capacities[i][0] || load.Count(h => h.Medium == Medium.Chat) > capacities[i][1])
                    {
                        return false.Label($"{agents[i]} holds more than its capacity");
                    }
                }
            }
            var offered = held.Values.SelectMany(h => h).Select(h => h.Work).ToList();
            return (offered.Count == offered.Distinct().Count()).Label("a work item was offered twice");
        }), maxTest: 200);

    [Fact]
    public void Within_equal_priorities_an_agent_takes_work_first_in_first_out_across_its_queues() =>
        RoutingGen.Check(Prop.ForAll(FifoWorld.ToArbitrary(), items =>
        {
            var agent = Build.Agent("a1", RoutingGen.Queues) with { Slots = [new MediumSlot(Medium.Voice, 1, 0, true)] };
            var lists = RoutingGen.Queues.ToDictionary(q => q,
                q => items.Where(w => w.QueueId == q).OrderBy(w => w.ArrivedAt).Aggregate(WaitingList.Empty, (l, w) => l.Enqueue(w)));
            var taken = new List<WorkItem>();
            while (true)
            {
                var heads = RoutingGen.Queues.SelectMany(q => lists[q].HeadsFor(agent, Build.T0)).ToImmutableArray();
                var decision = PullRouter.Decide(new PullInput(agent, heads, Build.T0));
                if (decision.ChosenWorkItemId is not { } id)
                {
                    break;
                }
                var work = heads.Single(w => w.Id == id);
                taken.Add(work);
                lists[work.QueueId] = lists[work.QueueId].Remove(id);
            }
            var free = items.Where(w => w.StickyAgentId is null).ToList();
            var arrivals = taken.Select(w => w.ArrivedAt).ToList();
            return (taken.Count == free.Count).Label("every free item is taken, no held one")
                .And(arrivals.SequenceEqual(arrivals.Order()).Label($"FIFO: {string.Join(",", taken.Select(w => w.Id))}"));
        }));

    [Fact]
    public void Across_queues_the_taken_order_follows_work_priority_then_agent_priority_then_arrival() =>
        RoutingGen.Check(Prop.ForAll(FifoWorld.ToArbitrary(), Gen.ArrayOf(Gen.Choose(1, 3), 3).ToArbitrary(), (items, priorities) =>
        {
            var agent = Build.Agent("a1") with
            {
                Queues = [.. RoutingGen.Queues.Select((q, i) => new AgentQueuePriority(q, priorities[i]))],
                Slots = [new MediumSlot(Medium.Voice, 1, 0, true)],
            };
            var boosted = items.Select((w, i) => w with { CallerBoost = i % 2 }).ToList();
            var lists = RoutingGen.Queues.ToDictionary(q => q,
                q => boosted.Where(w => w.QueueId == q).Aggregate(WaitingList.Empty, (l, w) => l.Enqueue(w)));
            var keys = new List<(int Work, int Agent, DateTimeOffset Arrival)>();
            while (PullRouter.Decide(new PullInput(agent, [.. RoutingGen.Queues.SelectMany(q => lists[q].HeadsFor(agent, Build.T0))], Build.T0))
                is { ChosenWorkItemId: { } id, ChosenQueueId: { } queue })
            {
                lists[queue].TryGet(id, out var work);
                keys.Add((work.Priority, priorities[Array.IndexOf(RoutingGen.Queues, queue)], work.ArrivedAt));
                lists[queue] = lists[queue].Remove(id);
            }
            return keys.Zip(keys.Skip(1)).All(p => p.First.Work > p.Second.Work
                || (p.First.Work == p.Second.Work && (p.First.Agent > p.Second.Agent
                    || (p.First.Agent == p.Second.Agent && p.First.Arrival <= p.Second.Arrival))));
        }));

    /// <summary>Items of equal priority over three queues, a quarter held (far into the future) for other agents.</summary>
    private static Gen<WorkItem[]> FifoWorld =>
        from count in Gen.Choose(0, 25)
        from items in Gen.CollectToArray(Enumerable.Range(0, count), i =>
            from queue in Gen.Elements(RoutingGen.Queues)
            from arrival in Gen.Choose(0, 30)
            from held in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select Build.Work($"w{i}", queue, arrival) with
            {
                StickyAgentId = held ? "a9" : null,
                StickyUntil = held ? Build.T0.AddHours(1) : null,
            })
        select items;
}
