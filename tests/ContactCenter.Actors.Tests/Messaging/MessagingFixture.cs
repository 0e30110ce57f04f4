using ContactCenter.Actors.Tests.Cluster;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Messaging;

/// <summary>One silo whose codec and listener the messaging tests use.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private readonly InMemoryClusterContractFixture _clusters = new();

    public TestCluster Cluster { get; private set; } = null!;

    public Silo Silo => Cluster.Silos[0];

    public async ValueTask InitializeAsync() => Cluster = await _clusters.StartClusterAsync(o =>
    {
        o.Silos = 1;
        o.Clients = 1;
    });

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
