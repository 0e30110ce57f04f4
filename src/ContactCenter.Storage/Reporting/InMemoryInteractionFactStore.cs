using System.Collections.Immutable;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Storage.Reporting;

/// <summary><see cref="IInteractionFactStore"/> in process memory (single node, demo, tests): one immutable snapshot
/// swapped under a lock, so readers never see half a save.</summary>
public sealed class InMemoryInteractionFactStore : IInteractionFactStore
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, InteractionFact> _facts = ImmutableDictionary.Create<string, InteractionFact>(StringComparer.Ordinal);
    private long _position;

    public Task<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_position);
        }
    }

    public Task<IReadOnlyDictionary<string, InteractionFact>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var facts = Snapshot();
        IReadOnlyDictionary<string, InteractionFact> found = ids
            .Distinct(StringComparer.Ordinal)
            .Where(facts.ContainsKey)
            .ToDictionary(id => id, id => facts[id], StringComparer.Ordinal);
        return Task.FromResult(found);
    }

    public Task<bool> SaveAsync(IReadOnlyCollection<InteractionFact> facts, long expectedPosition, long newPosition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            if (_position != expectedPosition)
            {
                return Task.FromResult(false);
            }
            _facts = _facts.SetItems(facts.Select(f => KeyValuePair.Create(f.Id, f)));
            _position = newPosition;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InteractionFact>> QueryAsync(InteractionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<InteractionFact> page = [.. Snapshot().Values
            .Where(f => f.StartedAt >= query.From && f.StartedAt < query.To)
            .Where(f => query.QueueId is null || string.Equals(f.QueueId, query.QueueId, StringComparison.Ordinal))
            .Where(f => query.AgentId is null || string.Equals(f.AgentId, query.AgentId, StringComparison.Ordinal))
            .Where(f => query.After is not { } after || f.StartedAt > after.StartedAt ||
                        (f.StartedAt == after.StartedAt && string.CompareOrdinal(f.Id, after.Id) > 0))
            .OrderBy(f => f.StartedAt)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Take(query.Limit)];
        return Task.FromResult(page);
    }

    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _facts = _facts.Clear();
            _position = 0;
        }
        return Task.CompletedTask;
    }

    private ImmutableDictionary<string, InteractionFact> Snapshot()
    {
        lock (_gate)
        {
            return _facts;
        }
    }
}
