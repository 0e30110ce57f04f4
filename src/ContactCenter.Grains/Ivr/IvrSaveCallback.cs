namespace ContactCenter.Grains.Ivr;

/// <summary>Store a callback task (<see cref="IIvrServices.SaveCallbackAsync"/>).</summary>
/// <param name="Request">The task.</param>
public sealed record IvrSaveCallback(IvrCallbackRequest Request) : IvrAction;
