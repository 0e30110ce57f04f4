namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>The cluster contract suite on the in-memory providers.</summary>
public sealed class InMemoryClusterContractTests(InMemoryClusterContractFixture fixture)
    : ClusterContractTests(fixture), IClassFixture<InMemoryClusterContractFixture>;
