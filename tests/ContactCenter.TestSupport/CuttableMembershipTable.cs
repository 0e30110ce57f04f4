using ContactCenter.Actors;

namespace ContactCenter.TestSupport;

/// <summary>One process's view of the membership table with a switch that cuts it off from the database, as a lost
/// network path would: every call fails while <see cref="IsCut"/>.</summary>
public sealed class CuttableMembershipTable(IMembershipTable inner) : IMembershipTable
{
    private volatile bool _cut;

    public bool IsCut
    {
        get => _cut;
        set => _cut = value;
    }

    public Task JoinAsync(SiloAddress address, MemberKind kind, string site, CancellationToken cancellationToken) =>
        Guard() ?? inner.JoinAsync(address, kind, site, cancellationToken);

    public Task<MemberStatus> HeartbeatAsync(SiloAddress address, CancellationToken cancellationToken) =>
        Guard<MemberStatus>() ?? inner.HeartbeatAsync(address, cancellationToken);

    public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        Guard<MembershipSnapshot>() ?? inner.ReadAsync(cancellationToken);

    public Task<bool> TryDeclareDeadAsync(SiloAddress suspect, long expectedVersion, TimeSpan suspectAfter, CancellationToken cancellationToken) =>
        Guard<bool>() ?? inner.TryDeclareDeadAsync(suspect, expectedVersion, suspectAfter, cancellationToken);

    public Task SetStatusAsync(SiloAddress address, MemberStatus status, CancellationToken cancellationToken) =>
        Guard() ?? inner.SetStatusAsync(address, status, cancellationToken);

    private Task? Guard() => _cut ? Task.FromException(Unreachable()) : null;

    private Task<T>? Guard<T>() => _cut ? Task.FromException<T>(Unreachable()) : null;

    private static TimeoutException Unreachable() => new("the membership database is unreachable (cut by the test)");
}
