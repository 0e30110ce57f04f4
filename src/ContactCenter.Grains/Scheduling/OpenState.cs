namespace ContactCenter.Grains.Scheduling;

/// <summary>Whether a queue is open at an instant, as seen in its time zone.</summary>
/// <param name="IsOpen">Open now.</param>
/// <param name="LocalTime">The instant in the queue's time zone.</param>
/// <param name="HolidayName">The holiday whose hours applied, if any (empty string for an unnamed one).</param>
public sealed record OpenState(bool IsOpen, DateTimeOffset LocalTime, string? HolidayName);
