using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Storage.Documents;

/// <summary>The configuration document store in process memory, for the single-node demo and tests. One lock guards
/// every kind; documents are immutable records, handed out as stored. <see cref="Changed"/> is raised synchronously
/// by the writer, after the write and outside the lock. Results come through the returned task, as from an I/O-bound
/// store. Its change feed is complete: no other process writes its documents.</summary>
public sealed class InMemoryDocumentStore(ILogger<InMemoryDocumentStore>? logger = null) : IDocumentStore, IDocumentChangeFeed
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(DocumentKind Kind, string Id), object> _documents = [];
    private readonly DocumentChangeNotifier _notifier = new(logger ?? NullLogger<InMemoryDocumentStore>.Instance);

    /// <inheritdoc />
    public event EventHandler<DocumentChange>? Changed
    {
        add => _notifier.Changed += value;
        remove => _notifier.Changed -= value;
    }

    /// <inheritdoc />
    /// <remarks>Always true: every write goes through this instance, which raises it.</remarks>
    public bool IsComplete => true;

    /// <inheritdoc />
    /// <remarks>Never raised: <see cref="IsComplete"/> never changes.</remarks>
    public event EventHandler? CompletenessChanged
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(id);
        var type = DocumentTypes.For<T>();
        lock (_lock)
        {
            return _documents.GetValueOrDefault((type.Kind, id)) as T;
        }
    });

    /// <inheritdoc />
    public Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class => Run(() =>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, DocumentPage<T>.MaxLimit);
        var type = DocumentTypes.For<T>();
        List<(string Id, T Document)> matches;
        lock (_lock)
        {
            matches = [.. _documents
                .Where(d => d.Key.Kind == type.Kind && (afterId is null || string.CompareOrdinal(d.Key.Id, afterId) > 0))
                .Select(d => (d.Key.Id, (T)d.Value))];
        }
        // Ids are ASCII (validation), where ordinal order is also PostgreSQL's "C" order.
        matches.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        var page = matches.Take(limit).Select(m => m.Document).ToList();
        return new DocumentPage<T>(page, matches.Count > limit ? matches[limit - 1].Id : null);
    });

    /// <inheritdoc />
    public Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class => Run(() =>
    {
        var type = DocumentTypes.For<T>();
        var prepared = type.Prepare(document, 1);
        var id = type.IdOf(prepared);
        lock (_lock)
        {
            if (!_documents.TryAdd((type.Kind, id), prepared))
            {
                throw new DocumentVersionConflictException(type.Kind, id, 0, VersionOf(type, _documents[(type.Kind, id)]));
            }
        }
        _notifier.Raise(this, new DocumentChange(type.Kind, id, 1, DocumentChangeType.Created));
        return prepared;
    });

    /// <inheritdoc />
    public Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        Run(() =>
        {
            var type = DocumentTypes.For<T>();
            var prepared = type.Prepare(document, expectedVersion + 1);
            var id = type.IdOf(prepared);
            lock (_lock)
            {
                var stored = _documents.GetValueOrDefault((type.Kind, id));
                var storedVersion = stored is null ? (long?)null : VersionOf(type, stored);
                if (storedVersion != expectedVersion)
                {
                    throw new DocumentVersionConflictException(type.Kind, id, expectedVersion, storedVersion);
                }
                _documents[(type.Kind, id)] = prepared;
            }
            _notifier.Raise(this, new DocumentChange(type.Kind, id, expectedVersion + 1, DocumentChangeType.Updated));
            return prepared;
        });

    /// <inheritdoc />
    public Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        Run(() =>
        {
            ArgumentNullException.ThrowIfNull(id);
            var type = DocumentTypes.For<T>();
            lock (_lock)
            {
                if (!_documents.TryGetValue((type.Kind, id), out var stored))
                {
                    return false;
                }
                if (VersionOf(type, stored) != expectedVersion)
                {
                    throw new DocumentVersionConflictException(type.Kind, id, expectedVersion, VersionOf(type, stored));
                }
                _documents.Remove((type.Kind, id));
            }
            _notifier.Raise(this, new DocumentChange(type.Kind, id, expectedVersion, DocumentChangeType.Deleted));
            return true;
        });

    private static long VersionOf<T>(DocumentType<T> type, object stored) where T : class => type.VersionOf((T)stored);

    private static Task<T> Run<T>(Func<T> operation)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }
}
