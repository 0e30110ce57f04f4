namespace ContactCenter.Storage.Audit;

/// <summary>Which audit entries to read, newest first: appended in [<see cref="From"/>, <see cref="To"/>) and matching
/// every filter given.</summary>
public sealed record AuditQuery
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page a log returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only entries appended at or after this time; null = from the first.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries appended before this time; null = up to the last.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only entries of this actor (exact user name).</summary>
    public string? Actor { get; init; }

    /// <summary>Only entries about documents of this kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Only entries about the document with this id.</summary>
    public string? TargetId { get; init; }

    /// <summary>Continue with entries older than this sequence: the previous page's
    /// <see cref="AuditPage.NextBefore"/>; null = from the newest.</summary>
    public long? Before { get; init; }

    /// <summary>At most this many entries, 1 to <see cref="MaxLimit"/>. Default <see cref="DefaultLimit"/>.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
