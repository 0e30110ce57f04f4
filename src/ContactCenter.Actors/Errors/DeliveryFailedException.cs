namespace ContactCenter.Actors;

/// <summary>Internal signal: a request certainly did not run at its target (the connection could not be opened, or the
/// target answered that it is not serving). The dispatcher waits for the membership to settle and routes it again;
/// callers only see it as <see cref="SiloUnavailableException"/> when that fails.</summary>
internal sealed class DeliveryFailedException(string message) : Exception(message);
