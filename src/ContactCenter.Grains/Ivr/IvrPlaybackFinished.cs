namespace ContactCenter.Grains.Ivr;

/// <summary>A playback the walk started reached its end.</summary>
/// <param name="PlaybackId">The playback's id.</param>
public sealed record IvrPlaybackFinished(string? PlaybackId) : IvrInput;
