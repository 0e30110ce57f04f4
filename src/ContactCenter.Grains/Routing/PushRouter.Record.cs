using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

public static partial class PushRouter
{
    /// <summary>Queues with at most this many agents record their push decisions whole; larger ones record this many
    /// ranked agents at least (see <see cref="ForRecord"/>).</summary>
    public const int RecordedAgents = 32;

    /// <summary>The decision as the queue journals it with its offer. A decision holds every agent's snapshot and
    /// score, so with 2,000 agents in a queue each offer would write (and every projection read back) some 500 KB of
    /// JSON; beyond <see cref="RecordedAgents"/> agents it keeps the agents ranked 1 to <paramref name="offeredRank"/>
    /// or to <see cref="RecordedAgents"/>, whichever is more, and is decided again on that input. It stays replayable
    /// (<c>Decide(recorded.Input)</c> gives it back) and names the same chosen agent with the same ranks: the order is
    /// total and each agent's key depends on that agent and the work only. Excluded agents (busy, paused, not ready)
    /// are what it leaves out.</summary>
    /// <param name="decision">The decision made on all the queue's agents.</param>
    /// <param name="offeredRank">The rank of the agent the work is offered to (better-ranked ones refused it).</param>
    public static PushDecision ForRecord(PushDecision decision, int offeredRank)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Candidates.Length <= RecordedAgents)
        {
            return decision;
        }
        var keep = Math.Max(offeredRank, RecordedAgents);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in decision.Candidates)
        {
            if (candidate.Rank > 0 && candidate.Rank <= keep)
            {
                kept.Add(candidate.AgentId);
            }
        }
        return Decide(decision.Input with { Agents = [.. decision.Input.Agents.Where(a => kept.Contains(a.AgentId))] });
    }
}
