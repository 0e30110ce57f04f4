namespace ContactCenter.Actors;

/// <summary>One row of the membership table. Times are the table's (database) clock.</summary>
public sealed record MembershipEntry(
    SiloAddress Address,
    MemberKind Kind,
    string Site,
    MemberStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt);
