namespace ContactCenter.Actors.InMemory;

public sealed class InMemoryMembershipTable(TimeProvider clock) : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipEntry> _rows = [];
    private long _version;

    public Task JoinAsync(SiloAddress address, MemberKind kind, string site, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.ContainsKey(address))
            {
                return Task.FromException(new InvalidOperationException($"{address} already joined; a restarted process is a new generation"));
            }
            var now = clock.GetUtcNow();
            _rows[address] = new MembershipEntry(address, kind, site, MemberStatus.Active, now, now);
            _version++;
        }
        return Task.CompletedTask;
    }

    public Task<MemberStatus> HeartbeatAsync(SiloAddress address, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue(address, out var row) || row.Status == MemberStatus.Dead)
            {
                return Task.FromResult(MemberStatus.Dead);
            }
            _rows[address] = row with { HeartbeatAt = clock.GetUtcNow() };
            return Task.FromResult(row.Status);
        }
    }

    public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipSnapshot(_version, clock.GetUtcNow(), [.. _rows.Values]));
        }
    }

    public Task<bool> TryDeclareDeadAsync(SiloAddress suspect, long expectedVersion, TimeSpan suspectAfter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_version != expectedVersion || !_rows.TryGetValue(suspect, out var row) || row.Status == MemberStatus.Dead ||
                clock.GetUtcNow() - row.HeartbeatAt <= suspectAfter)
            {
                return Task.FromResult(false);
            }
            _rows[suspect] = row with { Status = MemberStatus.Dead };
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task SetStatusAsync(SiloAddress address, MemberStatus status, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(address, out var row) && status > row.Status)
            {
                _rows[address] = row with { Status = status };
                _version++;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether the table says <paramref name="address"/> is dead (the directory's takeover rule).</summary>
    public bool IsDead(SiloAddress address)
    {
        lock (_lock)
        {
            return !_rows.TryGetValue(address, out var row) || row.Status == MemberStatus.Dead;
        }
    }
}
