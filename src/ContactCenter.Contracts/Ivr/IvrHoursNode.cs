using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Business-hours and holiday branch (IVR-7). The node carries its own schedule, with the same meaning as a
/// queue's (<see cref="Queue.BusinessHours"/>, <see cref="Queue.Holidays"/>), so a tree is checked and run without
/// other documents and an IVR may keep hours different from the queues behind it. Open now → <see cref="Open"/>; a
/// holiday date outside its open hours → <see cref="Holiday"/> (or <see cref="Closed"/> when that is null); otherwise
/// closed → <see cref="Closed"/>.</summary>
public sealed record IvrHoursNode : IvrNode
{
    /// <summary>IANA time zone id of the schedule; null = the tree's <see cref="IvrTree.TimeZoneId"/>.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Open ranges per weekday. Empty = open around the clock (holidays still apply).</summary>
    public ImmutableArray<WeekdayHours> BusinessHours { get; init; } = [];

    /// <summary>Dates whose hours replace the weekday hours.</summary>
    public ImmutableArray<Holiday> Holidays { get; init; } = [];

    /// <summary>Node while open.</summary>
    public required string Open { get; init; }

    /// <summary>Node while closed.</summary>
    public required string Closed { get; init; }

    /// <summary>Node while closed for a holiday; null = <see cref="Closed"/>.</summary>
    public string? Holiday { get; init; }
}
