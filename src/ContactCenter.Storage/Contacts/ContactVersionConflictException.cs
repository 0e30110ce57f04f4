namespace ContactCenter.Storage.Contacts;

/// <summary>A contact write expected a version the directory does not hold (a concurrent writer won, the contact is
/// gone, or a created id exists). Nothing was changed: re-read and decide again, never retry blindly.</summary>
public sealed class ContactVersionConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="contactId"/>.</summary>
    public ContactVersionConflictException(string contactId, long expectedVersion, long? storedVersion)
        : base($"contact '{contactId}': expected version {expectedVersion}, " +
               (storedVersion is { } stored ? $"stored version {stored}" : "no such contact"))
    {
        ContactId = contactId;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    /// <summary>The contact written.</summary>
    public string ContactId { get; }

    /// <summary>The version the writer expected (0 for a create).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored when the write failed; null when there was no such contact.</summary>
    public long? StoredVersion { get; }
}
