namespace ContactCenter.Storage.Documents;

/// <summary>Every document of one kind as read at one moment, ordered by id (ordinal, the stores' listing order), for
/// <see cref="CachingDocumentStore"/>. Immutable: pages are fresh arrays, and the documents are immutable records, so
/// every reader may be handed the same instances.</summary>
internal sealed class DocumentSnapshot<T> where T : class
{
    private readonly string[] _ids;
    private readonly T[] _documents;
    private readonly Dictionary<string, T> _byId;

    public DocumentSnapshot(IEnumerable<(string Id, T Document)> documents)
    {
        var sorted = documents.ToArray();
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Id, y.Id));
        _ids = [.. sorted.Select(d => d.Id)];
        _documents = [.. sorted.Select(d => d.Document)];
        _byId = new Dictionary<string, T>(sorted.Length, StringComparer.Ordinal);
        foreach (var (id, document) in sorted)
        {
            _byId.Add(id, document);
        }
    }

    public int Count => _documents.Length;

    public T? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>As <see cref="IDocumentStore.ListAsync{T}"/>: up to <paramref name="limit"/> documents after
    /// <paramref name="afterId"/>.</summary>
    public DocumentPage<T> List(string? afterId, int limit)
    {
        var start = 0;
        if (afterId is not null)
        {
            var found = Array.BinarySearch(_ids, afterId, StringComparer.Ordinal);
            start = found >= 0 ? found + 1 : ~found;
        }
        var count = Math.Min(limit, _documents.Length - start);
        var items = _documents.AsSpan(start, count).ToArray();
        return new DocumentPage<T>(items, start + count < _documents.Length ? _ids[start + count - 1] : null);
    }
}
