using ContactCenter.Storage.Documents;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>An <see cref="InMemoryDocumentStore"/> whose change feed the test drives: <see cref="Muted"/> loses its
/// changes (as notifications lost with a listener's connection), <see cref="SetComplete"/> says whether the feed is
/// complete.</summary>
internal sealed class ControlledFeedStore : IDocumentStore, IDocumentChangeFeed
{
    private readonly Lock _lock = new();
    private bool _complete = true;

    public ControlledFeedStore() => Inner.Changed += (_, change) =>
    {
        if (!Muted)
        {
            Changed?.Invoke(this, change);
        }
    };

    public event EventHandler<DocumentChange>? Changed;

    public event EventHandler? CompletenessChanged;

    /// <summary>The store written "by another process" while muted.</summary>
    public InMemoryDocumentStore Inner { get; } = new();

    public bool Muted { get; set; }

    public bool IsComplete
    {
        get
        {
            lock (_lock)
            {
                return _complete;
            }
        }
    }

    public void SetComplete(bool complete)
    {
        lock (_lock)
        {
            _complete = complete;
        }
        CompletenessChanged?.Invoke(this, EventArgs.Empty);
    }

    public Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class =>
        Inner.GetAsync<T>(id, cancellationToken);

    public Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class =>
        Inner.ListAsync<T>(afterId, limit, cancellationToken);

    public Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class =>
        Inner.CreateAsync(document, cancellationToken);

    public Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        Inner.UpdateAsync(document, expectedVersion, cancellationToken);

    public Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        Inner.DeleteAsync<T>(id, expectedVersion, cancellationToken);
}
