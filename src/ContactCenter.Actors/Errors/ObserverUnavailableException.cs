namespace ContactCenter.Actors;

/// <summary>The process holding an observer is gone (or the observer was deleted); the call was not delivered.</summary>
public sealed class ObserverUnavailableException(string message) : Exception(message);
