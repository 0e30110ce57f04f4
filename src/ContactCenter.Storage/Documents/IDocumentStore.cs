namespace ContactCenter.Storage.Documents;

/// <summary>The configuration document store: skills, queues, agent profiles, pause codes, call categories, no-answer
/// policies, IVR trees and <see cref="Contracts.Configuration.SiteSettings"/>, each kind a set of versioned documents by id. The type argument
/// names the kind (<see cref="NotSupportedException"/> for any other type). Every write validates the document with
/// <see cref="Contracts.Configuration.DocumentValidator"/> first (<see cref="InvalidDocumentException"/>: nothing is
/// stored) and is a compare-and-swap on its version (<see cref="DocumentVersionConflictException"/>: nothing is
/// changed). After a write commits, <see cref="Changed"/> is raised, so running grains can pick up the new version
/// without a restart; readers that always read through the store see it at once.</summary>
public interface IDocumentStore
{
    /// <summary>Raised after each committed write of this store (and, where the store says so, of other processes'
    /// stores on the same database). Handlers run on the writer's thread or the store's listener; they must be quick
    /// and must not throw (an exception is logged and swallowed: the write is committed).</summary>
    event EventHandler<DocumentChange>? Changed;

    /// <summary>The document with <paramref name="id"/>, or null.</summary>
    Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Up to <paramref name="limit"/> (1 to <see cref="DocumentPage{T}.MaxLimit"/>) documents of the kind
    /// ordered by id (ordinal), starting after <paramref name="afterId"/> (from the first when null); pass the page's
    /// <see cref="DocumentPage{T}.NextAfterId"/> to continue.</summary>
    Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class;

    /// <summary>Stores a new document as version 1 (its incoming version is ignored) and returns it as stored. An
    /// existing id is a conflict (expected version 0).</summary>
    Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Replaces the document with <paramref name="document"/>'s id when its stored version is
    /// <paramref name="expectedVersion"/>; returns it as stored at version <paramref name="expectedVersion"/> + 1. A
    /// missing document or another version is a conflict.</summary>
    Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Deletes the document when its stored version is <paramref name="expectedVersion"/>: true when deleted,
    /// false when there is no such document; another version is a conflict.</summary>
    Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class;
}
