namespace ContactCenter.Actors;

/// <summary>Marks a grain interface method that does not change the grain's state: calls to read-only methods of
/// one activation may interleave with each other, never with other methods.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
