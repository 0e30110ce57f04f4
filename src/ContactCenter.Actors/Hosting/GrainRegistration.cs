namespace ContactCenter.Actors;

/// <summary>A grain interface and the class implementing it (added with <c>AddGrain</c>).</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation);
