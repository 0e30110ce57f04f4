namespace ContactCenter.Storage.Audit;

/// <summary>One page of audit entries, newest first.</summary>
/// <param name="Items">The entries, by descending <see cref="AuditEntry.Sequence"/>.</param>
/// <param name="NextBefore">The value to pass as <see cref="AuditQuery.Before"/> for the next page; null when this page
/// is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextBefore);
