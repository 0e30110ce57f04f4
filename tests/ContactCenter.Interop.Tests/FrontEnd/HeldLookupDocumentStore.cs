using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A document store whose lookup of one inbound number waits until the test releases it, so a test can do
/// what races with the lookup (a caller's CANCEL) while the front end is inside it. Everything else goes straight to
/// the inner store.</summary>
internal sealed class HeldLookupDocumentStore(IDocumentStore inner, string heldNumber) : IDocumentStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event EventHandler<DocumentChange>? Changed
    {
        add => inner.Changed += value;
        remove => inner.Changed -= value;
    }

    /// <summary>Completes when the front end started looking the held number up.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the held lookup (and any later one) go on.</summary>
    public void Release() => _released.TrySetResult();

    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class
    {
        if (typeof(T) == typeof(InboundNumber) && string.Equals(id, heldNumber, StringComparison.Ordinal))
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        return await inner.GetAsync<T>(id, cancellationToken);
    }

    public Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class =>
        inner.ListAsync<T>(afterId, limit, cancellationToken);

    public Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class =>
        inner.CreateAsync(document, cancellationToken);

    public Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        inner.UpdateAsync(document, expectedVersion, cancellationToken);

    public Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        inner.DeleteAsync<T>(id, expectedVersion, cancellationToken);
}
