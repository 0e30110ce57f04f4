namespace ContactCenter.Actors;

/// <summary>The membership table as read at <see cref="Now"/> (table clock), with its cluster version.</summary>
public sealed record MembershipSnapshot(long Version, DateTimeOffset Now, IReadOnlyList<MembershipEntry> Members)
{
    public static readonly MembershipSnapshot Empty = new(0, DateTimeOffset.MinValue, []);
}
