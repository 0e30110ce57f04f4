namespace ContactCenter.Storage.Documents;

/// <summary>What a committed write did to a document.</summary>
public enum DocumentChangeType
{
    /// <summary>The document was stored as version 1.</summary>
    Created,

    /// <summary>A new version replaced the previous one.</summary>
    Updated,

    /// <summary>The document was deleted.</summary>
    Deleted,
}
