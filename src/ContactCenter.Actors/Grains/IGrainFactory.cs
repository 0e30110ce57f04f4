namespace ContactCenter.Actors;

/// <summary>Creates references to grains and to observers. Usable from grains and from non-grain code alike.</summary>
public interface IGrainFactory
{
    /// <summary>A typed reference to the grain <typeparamref name="TGrain"/> with <paramref name="key"/>. Creating
    /// it activates nothing; the first call does. Fails at once when <typeparamref name="TGrain"/> is not a known grain
    /// interface or one of its methods uses a type the serializer cannot handle.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;

    /// <summary>A reference to <paramref name="observer"/>, an object in this process, that grains may hold and
    /// call. Calls through it fail fast with <see cref="ObserverUnavailableException"/> once this process is gone.</summary>
    TObserver CreateObjectReference<TObserver>(TObserver observer) where TObserver : class, IGrainObserver;

    /// <summary>Stops routing calls to the object behind <paramref name="reference"/>.</summary>
    void DeleteObjectReference<TObserver>(TObserver reference) where TObserver : class, IGrainObserver;
}
