using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A date (in the queue's time zone) whose hours replace the weekday hours: closed all day when
/// <see cref="OpenHours"/> is empty, otherwise open only in those ranges (a partial holiday such as 24 December
/// 08:00-12:00).</summary>
public sealed record Holiday
{
    /// <summary>The local date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Optional name for administrators.</summary>
    public string? Name { get; init; }

    /// <summary>Hours still open on that date; empty = closed all day.</summary>
    public ImmutableArray<TimeRange> OpenHours { get; init; } = [];
}
