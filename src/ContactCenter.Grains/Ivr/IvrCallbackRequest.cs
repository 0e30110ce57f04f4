namespace ContactCenter.Grains.Ivr;

/// <summary>A callback the caller asked for in the IVR (IVR-4).</summary>
/// <param name="CallId">The call it was asked in.</param>
/// <param name="QueueId">The queue that receives the task.</param>
/// <param name="Number">The number to call back (the caller's).</param>
/// <param name="PreferredAt">The preferred time; null = as soon as possible.</param>
public sealed record IvrCallbackRequest(string CallId, string QueueId, string Number, DateTimeOffset? PreferredAt);
