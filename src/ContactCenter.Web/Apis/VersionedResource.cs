using ContactCenter.Storage.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Apis;

/// <summary>One kind of versioned resource as the generic endpoints of <see cref="VersionedEndpoints"/> read and write
/// it: its audit kind, its id and version members, and the store operations (each a compare-and-swap on the version).</summary>
/// <param name="Kind">The kind as the audit log names it (<c>queue</c>, <c>agentProfile</c>, <c>contact</c>).</param>
/// <param name="Noun">The kind in prose, for summaries and problem details (<c>queue</c>, <c>agent profile</c>).</param>
/// <param name="IdOf">The id member.</param>
/// <param name="VersionOf">The version member (the ETag).</param>
/// <param name="Get">Reads the resource with an id, or null.</param>
/// <param name="Create">Stores a new resource as version 1; a version conflict when the id exists.</param>
/// <param name="Update">Replaces the resource when it is at the given version; a version conflict otherwise.</param>
/// <param name="Delete">Deletes the resource when it is at the given version: false when absent, a version conflict
/// at another version.</param>
internal sealed record VersionedResource<T>(
    string Kind,
    string Noun,
    Func<T, string> IdOf,
    Func<T, long> VersionOf,
    Func<IServiceProvider, string, CancellationToken, Task<T?>> Get,
    Func<IServiceProvider, T, CancellationToken, Task<T>> Create,
    Func<IServiceProvider, T, long, CancellationToken, Task<T>> Update,
    Func<IServiceProvider, string, long, CancellationToken, Task<bool>> Delete)
    where T : class
{
    /// <summary>A configuration document kind kept by the <see cref="IDocumentStore"/>.</summary>
    public static VersionedResource<T> Document(DocumentKind kind, string noun, Func<T, string> idOf, Func<T, long> versionOf) => new(
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()),
        noun,
        idOf,
        versionOf,
        (services, id, cancel) => Documents(services).GetAsync<T>(id, cancel),
        (services, document, cancel) => Documents(services).CreateAsync(document, cancel),
        (services, document, version, cancel) => Documents(services).UpdateAsync(document, version, cancel),
        (services, id, version, cancel) => Documents(services).DeleteAsync<T>(id, version, cancel));

    /// <summary>A configuration document kind shown through <paramref name="view"/> and carrying members only the server
    /// sets (a secret, an upload's hash): <paramref name="write"/> makes the document from what the client sent and the
    /// stored one (null on create). A replace reads the stored document first and writes with a compare-and-swap on
    /// the version, so a change of those members in between fails the write rather than being undone by it.</summary>
    public static VersionedResource<T> KeepingServerMembers<TDocument>(DocumentKind kind, string noun, Func<T, string> idOf,
        Func<T, long> versionOf, Func<TDocument, T> view, Func<T, TDocument?, TDocument> write) where TDocument : class => new(
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()),
        noun,
        idOf,
        versionOf,
        async (services, id, cancel) => await Documents(services).GetAsync<TDocument>(id, cancel) is { } document ? view(document) : null,
        async (services, resource, cancel) => view(await Documents(services).CreateAsync(write(resource, null), cancel)),
        async (services, resource, version, cancel) =>
        {
            var stored = await Documents(services).GetAsync<TDocument>(idOf(resource), cancel);
            return view(await Documents(services).UpdateAsync(write(resource, stored), version, cancel));
        },
        (services, id, version, cancel) => Documents(services).DeleteAsync<TDocument>(id, version, cancel));

    private static IDocumentStore Documents(IServiceProvider services) => services.GetRequiredService<IDocumentStore>();
}
