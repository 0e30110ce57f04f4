namespace ContactCenter.Storage.Documents;

/// <summary>A committed write to a configuration document, raised by <see cref="IDocumentStore.Changed"/>.</summary>
/// <param name="Kind">The document's kind.</param>
/// <param name="Id">The document's id.</param>
/// <param name="Version">The version written; for a deletion, the version that was deleted.</param>
/// <param name="Type">Created, updated or deleted.</param>
public sealed record DocumentChange(DocumentKind Kind, string Id, long Version, DocumentChangeType Type);
