using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Storage.Documents;

/// <summary>A read-through cache of configuration documents over another <see cref="IDocumentStore"/>, kept fresh by
/// the inner store's <see cref="IDocumentStore.Changed"/> event. The first read of a kind loads every document of the
/// kind (a page at a time) into an immutable snapshot; later <see cref="GetAsync{T}"/> and <see cref="ListAsync{T}"/>
/// of the kind are answered from it, missing ids included (so lookups of unknown ids cost nothing and take no memory).
/// Writes go to the inner store; the change it raises before the write returns drops the kind's snapshot, so this
/// process reads its own writes. Other processes' writes drop it when their notification arrives. The cache trusts the
/// inner store's notifications only while its <see cref="IDocumentChangeFeed"/> says they are complete: otherwise
/// (a PostgreSQL store whose listener has not started or lost its connection, or a store that promises nothing) reads
/// go to the inner store, and every change of completeness empties the cache, since notifications may have been
/// missed. A version conflict on a write also drops the kind: the conflict says the cache may be behind.
/// Operational records written per call (<see cref="DocumentKind.CallbackRequest"/>, <see cref="DocumentKind.Voicemail"/>)
/// and recordings (<see cref="DocumentKind.AnnouncementAudio"/>, up to megabytes each) are never cached.
/// Documents are immutable records (init-only members, immutable collections), so all readers share the cached
/// instances. <see cref="Changed"/> relays the inner store's changes after the cache has dropped what they
/// change.</summary>
public sealed partial class CachingDocumentStore : IDocumentStore, IDisposable
{
    private readonly IDocumentStore _inner;
    private readonly IDocumentChangeFeed? _feed;
    private readonly DocumentStoreMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly DocumentChangeNotifier _notifier;
    private readonly Lock _lock = new();

    // The snapshot of each cached kind, as the task loading it (a Task<DocumentSnapshot<T>> for the kind's T). A change
    // removes the kind's entry, so a load still running when its kind changes completes for the readers that already
    // wait on it (they read concurrently with the write) but is never handed to a later reader.
    private readonly Dictionary<DocumentKind, Task> _snapshots = [];

    /// <summary>A cache over <paramref name="inner"/>, subscribed to its changes until <see cref="Dispose"/>.</summary>
    public CachingDocumentStore(IDocumentStore inner, DocumentStoreMetrics? metrics = null, ILogger<CachingDocumentStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _feed = inner as IDocumentChangeFeed;
        _metrics = metrics;
        _logger = logger ?? NullLogger<CachingDocumentStore>.Instance;
        _notifier = new DocumentChangeNotifier(_logger);
        _inner.Changed += OnInnerChanged;
        if (_feed is not null)
        {
            _feed.CompletenessChanged += OnCompletenessChanged;
        }
    }

    /// <inheritdoc />
    public event EventHandler<DocumentChange>? Changed
    {
        add => _notifier.Changed += value;
        remove => _notifier.Changed -= value;
    }

    /// <summary>The store this cache reads through and writes to.</summary>
    public IDocumentStore Inner => _inner;

    /// <summary>Whether documents of <paramref name="kind"/> are cached (when the inner store's feed is complete).</summary>
    public static bool IsCached(DocumentKind kind) =>
        kind is not (DocumentKind.CallbackRequest or DocumentKind.Voicemail or DocumentKind.AnnouncementAudio);

    /// <inheritdoc />
    public Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        var type = DocumentTypes.For<T>();
        return SnapshotOf(type, "get") switch
        {
            null => _inner.GetAsync<T>(id, cancellationToken),
            { IsCompletedSuccessfully: true } loaded => Task.FromResult(loaded.Result.Get(id)),
            var loading => GetLoadingAsync(loading, id, cancellationToken),
        };
    }

    /// <inheritdoc />
    public Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, DocumentPage<T>.MaxLimit);
        var type = DocumentTypes.For<T>();
        return SnapshotOf(type, "list") switch
        {
            null => _inner.ListAsync<T>(afterId, limit, cancellationToken),
            { IsCompletedSuccessfully: true } loaded => Task.FromResult(loaded.Result.List(afterId, limit)),
            var loading => ListLoadingAsync(loading, afterId, limit, cancellationToken),
        };
    }

    /// <inheritdoc />
    public Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class =>
        WriteAsync(_inner.CreateAsync(document, cancellationToken));

    /// <inheritdoc />
    public Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        WriteAsync(_inner.UpdateAsync(document, expectedVersion, cancellationToken));

    /// <inheritdoc />
    public Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        WriteAsync(_inner.DeleteAsync<T>(id, expectedVersion, cancellationToken));

    /// <summary>Stops following the inner store's changes. Reads after this may be stale.</summary>
    public void Dispose()
    {
        _inner.Changed -= OnInnerChanged;
        if (_feed is not null)
        {
            _feed.CompletenessChanged -= OnCompletenessChanged;
        }
        Clear();
    }

    private static async Task<T?> GetLoadingAsync<T>(Task<DocumentSnapshot<T>> loading, string id,
        CancellationToken cancellationToken) where T : class =>
        (await loading.WaitAsync(cancellationToken).ConfigureAwait(false)).Get(id);

    private static async Task<DocumentPage<T>> ListLoadingAsync<T>(Task<DocumentSnapshot<T>> loading, string? afterId, int limit,
        CancellationToken cancellationToken) where T : class =>
        (await loading.WaitAsync(cancellationToken).ConfigureAwait(false)).List(afterId, limit);

    private async Task<TResult> WriteAsync<TResult>(Task<TResult> write)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        catch (DocumentVersionConflictException conflict)
        {
            // The stored version is not the one the writer had: maybe read here before a change whose notification
            // has not arrived yet. The next read goes to the store.
            Invalidate(conflict.Kind);
            throw;
        }
    }

    /// <summary>The kind's snapshot (loaded or loading), or null when reads of the kind go to the inner store.</summary>
    private Task<DocumentSnapshot<T>>? SnapshotOf<T>(DocumentType<T> type, string operation) where T : class
    {
        if (!IsCached(type.Kind) || _feed is not { IsComplete: true })
        {
            _metrics?.CacheMiss(type.StoredKind, operation);
            return null;
        }
        TaskCompletionSource<DocumentSnapshot<T>> load;
        lock (_lock)
        {
            if (_snapshots.TryGetValue(type.Kind, out var existing))
            {
                var snapshot = (Task<DocumentSnapshot<T>>)existing;
                if (snapshot.IsCompletedSuccessfully)
                {
                    _metrics?.CacheHit(type.StoredKind, operation);
                }
                else
                {
                    _metrics?.CacheMiss(type.StoredKind, operation);
                }
                return snapshot;
            }
            // Checked again under the lock: a completeness change clears under it, so a load registered here either
            // started after the change (and reads what was committed before it) or is cleared by it.
            if (!_feed.IsComplete)
            {
                _metrics?.CacheMiss(type.StoredKind, operation);
                return null;
            }
            load = new TaskCompletionSource<DocumentSnapshot<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _snapshots[type.Kind] = load.Task;
        }
        _metrics?.CacheMiss(type.StoredKind, operation);
        _ = LoadAsync(type, load);
        return load.Task;
    }

    /// <summary>Reads every document of the kind into <paramref name="load"/>. Not cancelled by the reader that started
    /// it: other readers may be waiting on it.</summary>
    private async Task LoadAsync<T>(DocumentType<T> type, TaskCompletionSource<DocumentSnapshot<T>> load) where T : class
    {
        try
        {
            var documents = new List<(string, T)>();
            await foreach (var document in _inner.ReadAllAsync<T>(CancellationToken.None).ConfigureAwait(false))
            {
                documents.Add((type.IdOf(document), document));
            }
            var snapshot = new DocumentSnapshot<T>(documents);
            LogDebugLoaded(_logger, type.Kind, snapshot.Count);
            load.SetResult(snapshot);
        }
        catch (Exception error)
        {
            lock (_lock)
            {
                if (_snapshots.TryGetValue(type.Kind, out var current) && current == load.Task)
                {
                    _snapshots.Remove(type.Kind);
                }
            }
            load.SetException(error);
            // Observed here as well: when every reader gave up waiting (cancelled), nobody else would.
            _ = load.Task.Exception;
        }
    }

    private void OnInnerChanged(object? sender, DocumentChange change)
    {
        Invalidate(change.Kind);
        _notifier.Raise(this, change);
    }

    private void OnCompletenessChanged(object? sender, EventArgs e)
    {
        var complete = _feed?.IsComplete == true;
        Clear();
        _metrics?.CacheReset();
        if (complete)
        {
            LogInformationTrusted(_logger);
        }
        else
        {
            LogWarningUntrusted(_logger);
        }
    }

    private void Invalidate(DocumentKind kind)
    {
        lock (_lock)
        {
            _snapshots.Remove(kind);
        }
    }

    private void Clear()
    {
        lock (_lock)
        {
            _snapshots.Clear();
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "Document cache loaded {Kind}: {Count} documents")]
    private static partial void LogDebugLoaded(ILogger logger, DocumentKind kind, int count);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning,
        Message = "Document change notifications may be missed: the document cache is emptied and reads go to the store")]
    private static partial void LogWarningUntrusted(ILogger logger);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Information,
        Message = "Document change notifications are complete again: the document cache is emptied and fills on demand")]
    private static partial void LogInformationTrusted(ILogger logger);
}
