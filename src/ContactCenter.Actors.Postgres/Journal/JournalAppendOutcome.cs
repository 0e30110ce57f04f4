namespace ContactCenter.Actors.Postgres;

/// <summary>What one append of a batch got: whether its compare-and-swap claimed the stream, and the stream's version
/// after the batch (the new version when claimed, the version that beat it otherwise, 0 for a stream never written).</summary>
internal readonly record struct JournalAppendOutcome(bool Claimed, long StoredVersion);
