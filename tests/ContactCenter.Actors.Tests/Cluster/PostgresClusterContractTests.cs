namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>The cluster contract suite on the PostgreSQL providers: real silos over loopback, one real database.</summary>
public sealed class PostgresClusterContractTests(PostgresClusterContractFixture fixture)
    : ClusterContractTests(fixture), IClassFixture<PostgresClusterContractFixture>;
