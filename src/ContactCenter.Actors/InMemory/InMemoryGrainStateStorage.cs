using System.Collections.Concurrent;

namespace ContactCenter.Actors.InMemory;

public sealed class InMemoryGrainStateStorage : IGrainStateStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), StoredState> _documents = new();

    public Task<StoredState> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.GetValueOrDefault((stateName, grainId), StoredState.None));

    public Task<long> WriteAsync(string stateName, GrainId grainId, string json, long expectedVersion, CancellationToken cancellationToken) =>
        Swap(stateName, grainId, json, expectedVersion);

    public Task<long> ClearAsync(string stateName, GrainId grainId, long expectedVersion, CancellationToken cancellationToken) =>
        Swap(stateName, grainId, null, expectedVersion);

    private Task<long> Swap(string stateName, GrainId grainId, string? json, long expectedVersion)
    {
        var key = (stateName, grainId);
        var next = new StoredState(json, expectedVersion + 1);
        var swapped = expectedVersion == 0
            ? _documents.TryAdd(key, next)
            : _documents.TryGetValue(key, out var current) && current.Version == expectedVersion &&
              _documents.TryUpdate(key, next, current);
        if (!swapped)
        {
            var stored = _documents.GetValueOrDefault(key, StoredState.None).Version;
            return Task.FromException<long>(new InconsistentStateException(
                $"state '{stateName}' of {grainId}: expected version {expectedVersion}, stored version {stored}"));
        }
        return Task.FromResult(next.Version);
    }
}
