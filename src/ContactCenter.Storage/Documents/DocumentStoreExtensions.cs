using System.Runtime.CompilerServices;

namespace ContactCenter.Storage.Documents;

/// <summary>Reads over a whole <see cref="IDocumentStore"/> kind.</summary>
public static class DocumentStoreExtensions
{
    /// <summary>Every document of <typeparamref name="T"/> by id, read a page of <see cref="DocumentPage{T}.MaxLimit"/>
    /// at a time.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IDocumentStore store,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        string? after = null;
        do
        {
            var page = await store.ListAsync<T>(after, DocumentPage<T>.MaxLimit, cancellationToken).ConfigureAwait(false);
            foreach (var document in page.Items)
            {
                yield return document;
            }
            after = page.NextAfterId;
        }
        while (after is not null);
    }
}
