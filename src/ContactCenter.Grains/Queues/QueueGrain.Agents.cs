using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Queues;

/// <summary>The queue's view of its agents: the newest snapshot of each, fed by the agents' change notices (sent after
/// every change, events and pull rounds alike, in order) and by fresh reads after a refused or granted reservation.
/// Pushes rank from it instead of asking every agent at every placement. An entry is stale only while a notice is on
/// its way: then a push costs a refused reservation, and the notice that follows puts the entry right — and, when the
/// agent can take waiting work and is not pulling, offers it.</summary>
internal sealed partial class QueueGrain
{
    // Transient: a new activation reads its agents once.
    private readonly Dictionary<string, AgentSnapshot> _agentSnapshots = new(StringComparer.Ordinal);

    public async Task AgentChangedAsync(AgentSnapshot agent, bool offerWork)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!Current.HasAgent(agent.AgentId) || !Remember(agent) || !offerWork || agent.Pulling
            || !Current.Waiting.NotOffered().Any(w => Eligibility.CanReserve(agent, w.Medium)))
        {
            return;
        }
        var queue = await ReadQueueAsync();
        await PlaceAsync(queue);
        ArmTimers(queue);
    }

    /// <summary>Keeps <paramref name="snapshot"/> unless a newer one of the agent is known; true when kept.</summary>
    private bool Remember(AgentSnapshot snapshot)
    {
        if (_agentSnapshots.TryGetValue(snapshot.AgentId, out var known) && known.Version > snapshot.Version)
        {
            return false;
        }
        _agentSnapshots[snapshot.AgentId] = snapshot;
        return true;
    }

    /// <summary>Snapshots of the queue's agents to rank a push with: the known ones, and the others read now. The
    /// least-occupied rule reads every agent afresh, since occupancy moves with the clock.</summary>
    private async Task<Dictionary<string, AgentSnapshot>> AgentSnapshotsAsync(Queue queue)
    {
        foreach (var gone in _agentSnapshots.Keys.Where(id => !Current.HasAgent(id)).ToList())
        {
            _agentSnapshots.Remove(gone);
        }
        var read = queue.Strategy == SelectionStrategy.LeastOccupied
            ? [.. Current.Agents]
            : Current.Agents.Where(id => !_agentSnapshots.ContainsKey(id)).ToList();
        foreach (var snapshot in await Task.WhenAll(read.Select(SnapshotOrNullAsync)))
        {
            if (snapshot is not null)
            {
                Remember(snapshot);
            }
        }
        return Current.Agents
            .Select(id => _agentSnapshots.GetValueOrDefault(id))
            .OfType<AgentSnapshot>()
            .ToDictionary(s => s.AgentId, StringComparer.Ordinal);
    }
}
