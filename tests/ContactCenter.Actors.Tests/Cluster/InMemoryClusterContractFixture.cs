using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public sealed class InMemoryClusterContractFixture : ClusterContractFixture
{
    public override IGrainStateStorage StateOf(TestCluster cluster) => cluster.Storage.State;

    public override IEventJournal JournalOf(TestCluster cluster) => cluster.Storage.Journal;
}
