namespace ContactCenter.Contracts.Configuration;

/// <summary>A key the caller may press while waiting in a queue, and the IVR tree it leads to (IVR-5): typically a
/// callback tree (IVR-4) or a voicemail tree (IVR-3). Pressing it takes the call out of the queue.</summary>
/// <param name="Digit">One DTMF key: 0-9, * or #.</param>
/// <param name="IvrTreeId">The tree the caller walks instead of waiting.</param>
public sealed record QueueWaitOption(string Digit, string IvrTreeId);
