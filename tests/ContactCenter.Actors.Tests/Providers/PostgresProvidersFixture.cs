using ContactCenter.Actors.Postgres;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>A private, migrated database for one PostgreSQL contract class (absent when no server is configured
/// outside CI: the tests then skip, naming what to install).</summary>
public sealed class PostgresProvidersFixture : IAsyncLifetime
{
    public PostgresTestDatabase? Database { get; private set; }

    public PostgresClock Clock { get; } = new();

    /// <summary>The database, or a skip naming why there is none.</summary>
    public PostgresTestDatabase Require()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        return Database!;
    }

    /// <summary>Empties the cluster tables, for suites that expect fresh storage per test (tests of one class run one
    /// after another).</summary>
    public async Task<PostgresTestDatabase> RequireEmptyClusterAsync()
    {
        var database = Require();
        await using var command = database.DataSource.CreateCommand(
            "TRUNCATE cluster_members, grain_directory; UPDATE cluster_version SET version = 0");
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        if (PostgresTestDatabase.UnavailableReason() is not null)
        {
            return;
        }
        Database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(Database.DataSource).MigrateActorsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
