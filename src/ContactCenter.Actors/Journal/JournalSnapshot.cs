namespace ContactCenter.Actors;

/// <summary>A stream's state folded up to <see cref="Version"/>.</summary>
public sealed record JournalSnapshot(string StreamId, long Version, string StateJson);
