using ContactCenter.Actors.Postgres;
using ContactCenter.Storage.Migrations;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>A private database with the storage module migrated, for one PostgreSQL test class (absent when no server
/// is configured outside CI: the tests then skip, naming what to install).</summary>
public sealed class PostgresStorageFixture : IAsyncLifetime
{
    public PostgresTestDatabase? Database { get; private set; }

    /// <summary>The database, or a skip naming why there is none.</summary>
    public PostgresTestDatabase Require()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        return Database!;
    }

    public async ValueTask InitializeAsync()
    {
        if (PostgresTestDatabase.UnavailableReason() is not null)
        {
            return;
        }
        Database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(Database.DataSource).MigrateStorageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
