namespace ContactCenter.Actors;

/// <summary>A state write or journal append found a newer version in storage: another activation wrote since this one
/// read. The activation that sees it is discarded; the caller may retry and reach a fresh activation.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
