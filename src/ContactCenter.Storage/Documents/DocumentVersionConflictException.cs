namespace ContactCenter.Storage.Documents;

/// <summary>A document write expected a version the store does not hold (a concurrent writer won, the document is
/// gone, or a created id exists). Nothing was changed: re-read and decide again, never retry blindly.</summary>
public sealed class DocumentVersionConflictException : Exception
{
    /// <summary>Creates the exception for document <paramref name="id"/> of <paramref name="kind"/>.</summary>
    public DocumentVersionConflictException(DocumentKind kind, string id, long expectedVersion, long? storedVersion)
        : base($"{kind} '{id}': expected version {expectedVersion}, " +
               (storedVersion is { } stored ? $"stored version {stored}" : "no such document"))
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    /// <summary>The kind of the document written.</summary>
    public DocumentKind Kind { get; }

    /// <summary>The id of the document written.</summary>
    public string Id { get; }

    /// <summary>The version the writer expected (0 for a create).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored when the write failed; null when there was no such document.</summary>
    public long? StoredVersion { get; }
}
