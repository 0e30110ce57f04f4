namespace ContactCenter.Actors;

/// <summary>Which tick of a reminder is firing.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
