using System.Collections.Concurrent;

namespace ContactCenter.Actors.Observers;

/// <summary>The objects of this process that other processes may call through observer references.</summary>
internal sealed class ObserverRegistry
{
    private readonly ConcurrentDictionary<Guid, object> _objects = new();

    public Guid Add(object target)
    {
        var id = Guid.NewGuid();
        _objects[id] = target;
        return id;
    }

    public object? TryGet(Guid id) => _objects.GetValueOrDefault(id);

    public void Remove(Guid id) => _objects.TryRemove(id, out _);
}
