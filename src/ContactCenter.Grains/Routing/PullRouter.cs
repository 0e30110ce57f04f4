using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

/// <summary>Pull routing: when an agent becomes ready, it takes the globally best work among the heads its queues
/// offer (cross-queue fairness).</summary>
/// <remarks>Declared rule. Work held for this agent (sticky, before its deadline) comes first, earliest deadline
/// first. Then, among eligible work: work the agent has not let ring out before (ROUTE-7: a missed call goes to
/// someone else first, so the agent takes it only when nothing else fits); work priority (queue priority + caller
/// boost), higher first; the agent's priority for the work's queue, higher first; earliest arrival; queue id (ordinal);
/// enqueue sequence; work id.
/// Work held for another agent is excluded (<see cref="ExclusionReason.HeldForAnotherAgent"/>).</remarks>
public static class PullRouter
{
    /// <summary>Decides; pure and deterministic, so <c>Decide(decision.Input)</c> reproduces a recorded decision.</summary>
    public static PullDecision Decide(PullInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agent = input.Agent;
        var heads = input.Heads.IsDefault ? [] : input.Heads;
        var keys = new RankKey[heads.Length];
        var eligible = 0;
        for (var i = 0; i < heads.Length; i++)
        {
            var work = heads[i];
            Eligibility.TryGetQueuePriority(agent, work.QueueId, out var priority);
            var held = work.IsHeldAt(input.Now) && work.StickyAgentId == agent.AgentId;
            var missed = !work.MissedBy.IsDefaultOrEmpty && work.MissedBy.Contains(agent.AgentId, StringComparer.Ordinal);
            keys[i] = new RankKey(i, work, Eligibility.Check(agent, work, input.Now), held, missed, priority);
            if (keys[i].Exclusion is null)
            {
                eligible++;
            }
        }

        var order = new RankKey[heads.Length];
        int head = 0, tail = eligible;
        foreach (var key in keys)
        {
            order[key.Exclusion is null ? head++ : tail++] = key;
        }
        order.AsSpan(0, eligible).Sort(Compare);

        var ranks = new int[heads.Length];
        for (var r = 0; r < eligible; r++)
        {
            ranks[order[r].Index] = r + 1;
        }
        var candidates = ImmutableArray.CreateBuilder<PullCandidate>(heads.Length);
        foreach (var key in keys)
        {
            candidates.Add(new PullCandidate(key.Work.Id, key.Work.QueueId, key.Exclusion, ranks[key.Index], key.Held,
                key.Missed, key.Work.Priority, key.Priority, key.Work.ArrivedAt, key.Work.Sequence));
        }

        WorkItem? chosen = eligible > 0 ? order[0].Work : null;
        var rule = chosen is not null
            ? order[0].Held ? RoutingRule.StickyWork : RoutingRule.RankedWork
            : Eligibility.CheckPresence(agent) is not null ? RoutingRule.AgentNotAvailable : RoutingRule.NoEligibleWork;
        return new PullDecision(input, rule, chosen?.Id, chosen?.QueueId, candidates.MoveToImmutable());
    }

    /// <summary>The cross-queue order of the declared rule (negative = <paramref name="a"/> first).</summary>
    private static int Compare(RankKey a, RankKey b)
    {
        if (a.Held != b.Held)
        {
            return a.Held ? -1 : 1;
        }
        if (a.Held)
        {
            var deadline = Nullable.Compare(a.Work.StickyUntil, b.Work.StickyUntil);
            if (deadline != 0)
            {
                return deadline;
            }
        }
        if (a.Missed != b.Missed)
        {
            return a.Missed ? 1 : -1;
        }
        var order = b.Work.Priority.CompareTo(a.Work.Priority);
        if (order == 0)
        {
            order = b.Priority.CompareTo(a.Priority);
        }
        if (order == 0)
        {
            order = a.Work.ArrivedAt.CompareTo(b.Work.ArrivedAt);
        }
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Work.QueueId, b.Work.QueueId);
        }
        if (order == 0)
        {
            order = a.Work.Sequence.CompareTo(b.Work.Sequence);
        }
        return order != 0 ? order : string.CompareOrdinal(a.Work.Id, b.Work.Id);
    }

    private readonly record struct RankKey(int Index, WorkItem Work, ExclusionReason? Exclusion, bool Held, bool Missed, int Priority);
}
