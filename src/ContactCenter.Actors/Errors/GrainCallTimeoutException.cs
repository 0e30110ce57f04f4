namespace ContactCenter.Actors;

/// <summary>A grain or observer call did not answer within its timeout.</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);
