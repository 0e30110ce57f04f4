namespace ContactCenter.Actors;

/// <summary>The silo a grain call went to cannot be reached or left the cluster before answering. A retry re-resolves
/// the grain and reaches it on a survivor once the cluster has declared the silo dead.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
