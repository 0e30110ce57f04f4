namespace ContactCenter.Grains.Ivr;

/// <summary>Something the call grain carries out for a step of the walk (<see cref="IvrStep.Actions"/>), in order.
/// </summary>
public abstract record IvrAction;
