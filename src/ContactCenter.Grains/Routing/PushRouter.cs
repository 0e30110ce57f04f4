using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

/// <summary>Push routing: when work arrives (or is re-offered), the queue picks the best ready eligible agent.</summary>
/// <remarks>Declared rule. Agents in a pull round are passed over (<see cref="ExclusionReason.PullInProgress"/>):
/// their round takes their next work. Held work (sticky, before its deadline) may go only to its sticky agent; otherwise it waits
/// (<see cref="RoutingRule.HeldForStickyAgent"/>). Free work goes to the first eligible agent by: not having missed
/// this work; the agent's priority for the queue, higher first; the queue's strategy (longest idle: fewest slots in
/// use for the medium, then earliest idle-since; least occupied: lowest occupancy, then fewest handled, then earliest
/// idle-since; highest skill: highest sum of levels in the required skills, then earliest idle-since); agent id
/// (ordinal) last, so equal inputs always give the same answer.</remarks>
public static partial class PushRouter
{
    /// <summary>Decides; pure and deterministic, so <c>Decide(decision.Input)</c> reproduces a recorded decision.</summary>
    public static PushDecision Decide(PushInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var work = input.Work;
        var agents = input.Agents.IsDefault ? [] : input.Agents;
        var keys = new RankKey[agents.Length];
        var eligible = 0;
        for (var i = 0; i < agents.Length; i++)
        {
            var agent = agents[i];
            Eligibility.TryGetQueuePriority(agent, work.QueueId, out var priority);
            var slot = Eligibility.FindSlot(agent, work.Medium);
            keys[i] = new RankKey(i, agent.AgentId,
                Eligibility.Check(agent, work, input.Now) ?? (agent.Pulling ? ExclusionReason.PullInProgress : null),
                Contains(work.MissedBy, agent.AgentId), priority, slot?.InUse ?? 0, agent.IdleSince, agent.Occupancy,
                agent.HandledCount, Eligibility.SkillScore(agent, work.RequiredSkills));
            if (keys[i].Exclusion is null)
            {
                eligible++;
            }
        }

        // Eligible keys first (in input order), then sort just that prefix by the strategy.
        var order = new RankKey[agents.Length];
        int head = 0, tail = eligible;
        foreach (var key in keys)
        {
            order[key.Exclusion is null ? head++ : tail++] = key;
        }
        order.AsSpan(0, eligible).Sort(Comparison(input.Strategy));

        var ranks = new int[agents.Length];
        for (var r = 0; r < eligible; r++)
        {
            ranks[order[r].Index] = r + 1;
        }
        var candidates = ImmutableArray.CreateBuilder<PushCandidate>(agents.Length);
        foreach (var key in keys)
        {
            candidates.Add(new PushCandidate(key.AgentId, key.Exclusion, ranks[key.Index], key.Missed, key.Priority,
                key.InUse, key.IdleSince, key.Occupancy, key.Handled, key.SkillScore));
        }

        var chosen = eligible > 0 ? order[0].AgentId : null;
        var rule = work.IsHeldAt(input.Now)
            ? chosen is null ? RoutingRule.HeldForStickyAgent : RoutingRule.StickyAgent
            : chosen is null ? RoutingRule.NoEligibleAgent : RoutingRule.RankedAgents;
        return new PushDecision(input, rule, chosen, candidates.MoveToImmutable());
    }

    private static Comparison<RankKey> Comparison(SelectionStrategy strategy) => strategy switch
    {
        SelectionStrategy.LeastOccupied => CompareLeastOccupied,
        SelectionStrategy.HighestSkill => CompareHighestSkill,
        _ => CompareLongestIdle,
    };

    private static int CompareLongestIdle(RankKey a, RankKey b) =>
        Chain(CompareCommon(a, b), a.InUse.CompareTo(b.InUse), a.IdleSince.CompareTo(b.IdleSince), a, b);

    private static int CompareLeastOccupied(RankKey a, RankKey b)
    {
        var common = CompareCommon(a, b);
        if (common != 0)
        {
            return common;
        }
        var occupancy = a.Occupancy.CompareTo(b.Occupancy);
        return Chain(occupancy, a.Handled.CompareTo(b.Handled), a.IdleSince.CompareTo(b.IdleSince), a, b);
    }

    private static int CompareHighestSkill(RankKey a, RankKey b) =>
        Chain(CompareCommon(a, b), b.SkillScore.CompareTo(a.SkillScore), a.IdleSince.CompareTo(b.IdleSince), a, b);

    private static int CompareCommon(RankKey a, RankKey b)
    {
        var missed = a.Missed.CompareTo(b.Missed);
        return missed != 0 ? missed : b.Priority.CompareTo(a.Priority);
    }

    private static int Chain(int first, int second, int third, RankKey a, RankKey b)
    {
        if (first != 0)
        {
            return first;
        }
        if (second != 0)
        {
            return second;
        }
        return third != 0 ? third : string.CompareOrdinal(a.AgentId, b.AgentId);
    }

    private static bool Contains(ImmutableArray<string> ids, string id)
    {
        if (!ids.IsDefaultOrEmpty)
        {
            foreach (var candidate in ids)
            {
                if (string.Equals(candidate, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private readonly record struct RankKey(int Index, string AgentId, ExclusionReason? Exclusion, bool Missed,
        int Priority, int InUse, DateTimeOffset IdleSince, double Occupancy, int Handled, int SkillScore);
}
