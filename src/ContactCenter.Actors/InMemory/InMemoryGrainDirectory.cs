using System.Collections.Concurrent;

namespace ContactCenter.Actors.InMemory;

public sealed class InMemoryGrainDirectory(InMemoryMembershipTable membership) : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, SiloAddress> _owners = new();
    private readonly Lock _lock = new();

    public Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress candidate, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (membership.IsDead(candidate))
            {
                return Task.FromException<SiloAddress>(new InvalidOperationException(
                    $"{candidate} is dead (or never joined) and may not claim {grainId}"));
            }
            if (_owners.TryGetValue(grainId, out var owner) && owner != candidate && !membership.IsDead(owner))
            {
                return Task.FromResult(owner);
            }
            _owners[grainId] = candidate;
            return Task.FromResult(candidate);
        }
    }

    public Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_owners.TryGetValue(grainId, out var owner) ? owner : null);

    public Task UnregisterAsync(GrainId grainId, SiloAddress owner, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _owners.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grainId, owner));
        }
        return Task.CompletedTask;
    }
}
