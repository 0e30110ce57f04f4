namespace ContactCenter.Actors;

/// <summary>An external cluster client for processes without the silo role (web-only, sip-only): calls grains, hosts
/// observers, holds a lease row so grains learn of its death, and hosts no activations.</summary>
public sealed class ClusterClient : IClusterClient, IAsyncDisposable
{
    private readonly Hosting.ActorRuntime _runtime;

    public ClusterClient(IServiceProvider services)
    {
        _runtime = new Hosting.ActorRuntime(services, MemberKind.Client);
    }

    public SiloAddress Address => _runtime.Address;

    public IStreamProvider Streams => _runtime.Streams;

    public bool IsRunning => _runtime.IsRunning;

    public Task StartAsync(CancellationToken cancellationToken = default) => _runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _runtime.StopAsync(cancellationToken);

    /// <summary>Ends the client abruptly, as kill -9 would.</summary>
    public void Kill() => _runtime.Kill();

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey => _runtime.GetGrain<TGrain>(key);

    public TObserver CreateObjectReference<TObserver>(TObserver observer) where TObserver : class, IGrainObserver =>
        _runtime.CreateObjectReference(observer);

    public void DeleteObjectReference<TObserver>(TObserver reference) where TObserver : class, IGrainObserver =>
        _runtime.DeleteObjectReference(reference);

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();
}
