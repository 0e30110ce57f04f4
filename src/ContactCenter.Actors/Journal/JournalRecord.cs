namespace ContactCenter.Actors;

/// <summary>A stored event: its stream and version in it, its global position, and when it was appended (journal clock).</summary>
public sealed record JournalRecord(string StreamId, long Version, long Position, string EventType, string Json, DateTimeOffset Timestamp);
