namespace ContactCenter.Grains.Ivr;

/// <summary>Stop the prompt still playing (a key interrupted it).</summary>
public sealed record IvrStopPlayback : IvrAction;
