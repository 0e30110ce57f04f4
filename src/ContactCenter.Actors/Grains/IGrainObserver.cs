namespace ContactCenter.Actors;

/// <summary>Marker for interfaces of objects that live in one specific process and are called by grains through a
/// reference (see <see cref="IGrainFactory.CreateObjectReference{T}(T)"/>). Methods return <see cref="Task"/> or are
/// <c>void</c> (one-way).</summary>
public interface IGrainObserver;
