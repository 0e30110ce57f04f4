namespace ContactCenter.Contracts.Configuration;

/// <summary>A range of local wall-clock time within one day, start inclusive, end exclusive. An end of 00:00 means
/// the end of the day (24:00), so 20:00-00:00 covers the evening to midnight.</summary>
/// <param name="Start">First open minute.</param>
/// <param name="End">First closed minute; 00:00 = 24:00.</param>
public sealed record TimeRange(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when <paramref name="time"/> lies in the range.</summary>
    public bool Contains(TimeOnly time) => time >= Start && (EndsAtMidnight || time < End);

    /// <summary>True when the range runs to the end of the day.</summary>
    public bool EndsAtMidnight => End == TimeOnly.MinValue;

    /// <summary>True when the range is non-empty (start before end, or an end of 24:00).</summary>
    public bool IsWellFormed => EndsAtMidnight || Start < End;

    /// <summary>True when the two ranges share at least one minute.</summary>
    public bool Overlaps(TimeRange other) =>
        (other.EndsAtMidnight || Start < other.End) && (EndsAtMidnight || other.Start < End);
}
