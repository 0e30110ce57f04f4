namespace ContactCenter.Storage.Audit;

/// <summary>The audit log of configuration and contact writes (ADM-4): append-only, read newest first with keyset
/// pages (entries appended between pages neither repeat nor shift the pages after them).</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/> and returns it as stored: with its <see cref="AuditEntry.Sequence"/>
    /// and <see cref="AuditEntry.At"/> assigned by the log (the incoming values are ignored) and secret-like fields of
    /// <see cref="AuditEntry.Before"/> and <see cref="AuditEntry.After"/> masked. <see cref="ArgumentException"/> when
    /// a required text is empty or before/after is not JSON.</summary>
    Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>One page of the entries matching <paramref name="query"/>, newest first;
    /// <see cref="ArgumentOutOfRangeException"/> when its limit is outside 1 to <see cref="AuditQuery.MaxLimit"/>.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
