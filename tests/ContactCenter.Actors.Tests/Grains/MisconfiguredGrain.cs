namespace ContactCenter.Actors.Tests.Grains;

/// <summary>A grain whose constructor asks for a service nobody registered: every activation fails.</summary>
public sealed class MisconfiguredGrain(MisconfiguredGrain.IUnregisteredService service) : Grain, IMisconfiguredGrain
{
    /// <summary>Never registered.</summary>
    public interface IUnregisteredService;

    public Task Ping() => Task.FromResult(service);
}
