namespace ContactCenter.Storage.Audit;

/// <summary>How an audited write ended.</summary>
public enum AuditOutcome
{
    /// <summary>The write was committed.</summary>
    Succeeded,

    /// <summary>The write was refused because the document failed validation; nothing was stored.</summary>
    Invalid,

    /// <summary>The write was refused because it expected a version that is not stored (a stale <c>If-Match</c>, a
    /// create of an existing id); nothing was stored.</summary>
    Conflict,
}
