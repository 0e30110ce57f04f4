namespace ContactCenter.Storage.Audit;

/// <summary><see cref="IAuditLog"/> in process memory (single node, demo, tests): a list appended under a lock.</summary>
public sealed class InMemoryAuditLog(TimeProvider timeProvider) : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    /// <inheritdoc />
    public Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = AuditEntries.Prepare(entry, timeProvider.GetUtcNow(), _entries.Count + 1);
            _entries.Add(stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditEntries.CheckLimit(query);
        List<AuditEntry> matches;
        lock (_gate)
        {
            // Sequences are 1..Count in list order, so the keyset bound is an index.
            var end = query.Before is { } before ? (int)Math.Clamp(before - 1, 0, _entries.Count) : _entries.Count;
            matches = [.. Enumerable.Range(0, end).Reverse().Select(i => _entries[i])
                .Where(e => query.From is not { } from || e.At >= from)
                .Where(e => query.To is not { } to || e.At < to)
                .Where(e => query.Actor is null || string.Equals(e.Actor, query.Actor, StringComparison.Ordinal))
                .Where(e => query.Kind is null || string.Equals(e.Kind, query.Kind, StringComparison.Ordinal))
                .Where(e => query.TargetId is null || string.Equals(e.TargetId, query.TargetId, StringComparison.Ordinal))
                .Take(query.Limit + 1)];
        }
        var page = matches.Take(query.Limit).ToList();
        return Task.FromResult(new AuditPage(page, matches.Count > query.Limit ? page[^1].Sequence : null));
    }
}
