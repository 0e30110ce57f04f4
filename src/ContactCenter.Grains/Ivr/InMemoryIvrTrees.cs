using System.Collections.Concurrent;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

/// <summary>IVR trees held in memory: the single-node demo's and the tests' <see cref="IIvrTreeSource"/>. Thread-safe;
/// a tree put replaces the previous one at once.</summary>
public sealed class InMemoryIvrTrees : IIvrTreeSource
{
    private readonly ConcurrentDictionary<string, IvrTree> _trees = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a tree.</summary>
    public void Put(IvrTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        _trees[tree.Id] = tree;
    }

    /// <inheritdoc />
    public Task<IvrTree?> GetIvrTreeAsync(string treeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_trees.GetValueOrDefault(treeId));
}
