namespace ContactCenter.Actors.Membership;

/// <summary>An immutable reading of the membership table, indexed for routing decisions.</summary>
internal sealed class MembershipView
{
    public static readonly MembershipView Empty = new(MembershipSnapshot.Empty);

    private readonly Dictionary<SiloAddress, MembershipEntry> _entries;

    public MembershipView(MembershipSnapshot snapshot)
    {
        Snapshot = snapshot;
        _entries = snapshot.Members.ToDictionary(m => m.Address);
        ActiveSilos = snapshot.Members
            .Where(m => m.Kind == MemberKind.Silo && m.Status == MemberStatus.Active)
            .Select(m => m.Address)
            .OrderBy(a => a.ToString(), StringComparer.Ordinal)
            .ToArray();
    }

    public MembershipSnapshot Snapshot { get; }

    public long Version => Snapshot.Version;

    /// <summary>Silos that take new activations, in the same order in every process.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; }

    public MembershipEntry? this[SiloAddress address] => _entries.GetValueOrDefault(address);

    public bool IsActiveSilo(SiloAddress address) =>
        _entries.TryGetValue(address, out var entry) && entry.Kind == MemberKind.Silo && entry.Status == MemberStatus.Active;

    public bool IsDead(SiloAddress address) => _entries.TryGetValue(address, out var entry) && entry.Status == MemberStatus.Dead;

    /// <summary>Unknown addresses may belong to processes that joined after this view was read.</summary>
    public bool MayBeAlive(SiloAddress address) => !IsDead(address);
}
