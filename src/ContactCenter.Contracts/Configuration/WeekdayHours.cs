namespace ContactCenter.Contracts.Configuration;

/// <summary>Opening hours on one weekday; several entries for the same day make split shifts.</summary>
/// <param name="Day">The weekday in the queue's time zone.</param>
/// <param name="Hours">Local open range.</param>
public sealed record WeekdayHours(DayOfWeek Day, TimeRange Hours);
