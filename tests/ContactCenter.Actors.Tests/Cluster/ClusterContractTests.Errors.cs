using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public abstract partial class ClusterContractTests
{
    [Fact]
    public async Task Exceptions_cross_processes_with_their_type_and_message()
    {
        var key = NewKey("errors");
        foreach (var factory in Factories(Cluster))
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.GetGrain<IErrorGrain>(key).Throw("boom"));
            Assert.Equal("boom", exception.Message);
        }
    }

    [Fact]
    public async Task A_grain_that_cannot_activate_fails_the_call_with_the_reason()
    {
        var grain = Cluster.Client.GetGrain<IMisconfiguredGrain>(NewKey("misconfigured"));

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => grain.Ping());

        Assert.Contains(nameof(MisconfiguredGrain.IUnregisteredService), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_crosses_processes()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Cluster.Client.GetGrain<IErrorGrain>(NewKey("cancel")).Hang(60_000, cancellation.Token);
        await Eventually.TrueAsync(() => Cluster.Silos.Any(s => s.ActivationCount > 0), TimeSpan.FromSeconds(10), "the call reached a silo");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public void An_unknown_grain_interface_is_refused_when_the_reference_is_created_in_every_process()
    {
        foreach (var factory in Factories(Cluster))
        {
            var exception = Assert.Throws<InvalidGrainInterfaceException>(() => factory.GetGrain<IUnregisteredGrain>("x"));
            Assert.Contains(nameof(IUnregisteredGrain), exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_grain_interface_with_an_argument_the_serializer_cannot_handle_is_refused_in_every_process()
    {
        foreach (var factory in Factories(Cluster))
        {
            var exception = Assert.Throws<InvalidGrainInterfaceException>(() => factory.GetGrain<IUnserializableGrain>("x"));
            Assert.Contains(nameof(Unserializable), exception.Message, StringComparison.Ordinal);
        }
    }
}
