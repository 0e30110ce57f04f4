using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Ivr;

/// <summary>Play to the caller (<see cref="ICallMedia.PlayAsync"/>).</summary>
/// <param name="Playback">What, with the id its end is reported with and the tree's language.</param>
public sealed record IvrPlay(MediaPlayback Playback) : IvrAction;
