namespace ContactCenter.Actors;

/// <summary>Marks a method whose caller does not wait for the grain (or observer) to process it: the returned task
/// completes once the message is handed to the runtime. Failures are logged, not returned.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
