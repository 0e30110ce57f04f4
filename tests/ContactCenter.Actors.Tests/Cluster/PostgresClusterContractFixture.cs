using System.Collections.Concurrent;
using ContactCenter.Actors.Postgres;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>Every cluster on a private, migrated PostgreSQL database of its own (clusters sharing a membership table
/// would see each other's silos).</summary>
public sealed class PostgresClusterContractFixture : ClusterContractFixture
{
    private readonly ConcurrentQueue<PostgresTestDatabase> _databases = new();
    private readonly ConcurrentDictionary<TestCluster, NpgsqlDataSource> _sources = new();
    private NpgsqlDataSource? _latest;

    protected override void OnClusterStarted(TestCluster cluster) => _sources[cluster] = _latest!;

    protected override string? UnavailableReason => PostgresTestDatabase.UnavailableReason();

    protected override async Task<Action<IServiceCollection>?> ProvidersForNewClusterAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        _databases.Enqueue(database);
        await new MigrationRunner(database.DataSource).MigrateActorsAsync();
        _latest = database.DataSource;
        return services => services.AddPostgresActorProviders(database.DataSource);
    }

    public override IGrainStateStorage StateOf(TestCluster cluster) => new PostgresGrainStateStorage(SourceOf(cluster), new PostgresClock());

    public override IEventJournal JournalOf(TestCluster cluster) => new PostgresEventJournal(SourceOf(cluster), new PostgresClock());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        while (_databases.TryDequeue(out var database))
        {
            await database.DisposeAsync();
        }
    }

    private NpgsqlDataSource SourceOf(TestCluster cluster) => _sources[cluster];
}
