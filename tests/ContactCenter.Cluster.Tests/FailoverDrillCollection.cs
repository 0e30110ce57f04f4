namespace ContactCenter.Cluster.Tests;

/// <summary>The failover drills run one at a time and apart from every other test: each starts a whole cluster and
/// measures how fast it recovers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverDrillCollection
{
    public const string Name = "Failover drills";
}
