namespace ContactCenter.Grains.Ivr;

/// <summary>What moves a call through its IVR tree (<see cref="IvrMachine.Next"/>): the call entered, or the front end
/// or a service reported back.</summary>
public abstract record IvrInput;
