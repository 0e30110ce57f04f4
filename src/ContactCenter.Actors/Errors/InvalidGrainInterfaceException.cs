namespace ContactCenter.Actors;

/// <summary>A reference was asked for an interface the runtime cannot call: not a registered grain, or a method uses a
/// type the serializer has no metadata for.</summary>
public sealed class InvalidGrainInterfaceException(string message) : Exception(message);
