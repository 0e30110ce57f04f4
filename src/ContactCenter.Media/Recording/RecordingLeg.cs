namespace ContactCenter.Media.Recording;

/// <summary>A call leg in a recording's sidecar.</summary>
/// <param name="Channel">"left" or "right".</param>
/// <param name="LegId">The media engine's leg id.</param>
/// <param name="Role">"caller" or "agent".</param>
public sealed record RecordingLeg(string Channel, string LegId, string Role);
