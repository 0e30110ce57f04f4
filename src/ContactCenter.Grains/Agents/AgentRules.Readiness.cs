using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;

namespace ContactCenter.Grains.Agents;

public static partial class AgentRules
{
    /// <summary>True when the agent could take one more offer: available, in at least one queue, and some medium has a
    /// free slot that is ready (not blocked by wrap-up).</summary>
    public static bool CanTakeWork(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Presence == Presence.Available && !state.Queues.IsDefaultOrEmpty && FreeSlots(state).Values.Any(n => n > 0);
    }

    /// <summary>True when a change lets the agent take work it could not take before, so it should pull: it became
    /// able to take work at all, joined a queue, or a medium gained a free ready slot (work ended, wrap-up finished, a
    /// reservation was released, capacity grew).</summary>
    public static bool BecameReady(AgentState before, AgentState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!CanTakeWork(after))
        {
            return false;
        }
        if (!CanTakeWork(before) || after.Queues.Any(q => !before.IsInQueue(q.QueueId)))
        {
            return true;
        }
        var earlier = FreeSlots(before);
        return FreeSlots(after).Any(free => free.Value > earlier.GetValueOrDefault(free.Key));
    }

    /// <summary>True when the set of queues the agent is logged in to differs, so its queues must be told.</summary>
    public static bool QueuesChanged(AgentState before, AgentState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Queues.Length != after.Queues.Length || after.Queues.Any(q => !before.IsInQueue(q.QueueId));
    }

    /// <summary>Free ready slots per medium of the profile (0 for a medium in wrap-up, ROUTE-8).</summary>
    private static Dictionary<Medium, int> FreeSlots(AgentState state)
    {
        var free = new Dictionary<Medium, int>();
        if (state.Profile is null)
        {
            return free;
        }
        foreach (var capacity in state.Profile.Capacities)
        {
            var inMedium = state.Work.Where(w => w.Medium == capacity.Medium).ToList();
            free[capacity.Medium] = inMedium.Any(w => w.Activity == AgentActivity.WrapUp)
                ? 0
                : Math.Max(0, capacity.Max - inMedium.Count);
        }
        return free;
    }
}
