namespace ContactCenter.Contracts.Calls.Media;

/// <summary>A non-looping playback reached its end.</summary>
/// <param name="CallId">The call.</param>
/// <param name="PlaybackId">The playback's id, as requested.</param>
public sealed record PlaybackFinished(string CallId, string? PlaybackId) : CallMediaEvent(CallId);
