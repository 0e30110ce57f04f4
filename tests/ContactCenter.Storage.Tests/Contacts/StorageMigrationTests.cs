using ContactCenter.Actors.Postgres;
using ContactCenter.Storage.Migrations;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Contacts;

public sealed class StorageMigrationTests
{
    [Fact]
    public void The_module_name_is_the_one_its_migrations_are_versioned_under() => Assert.Equal("storage", StorageModule.Name);

    [Fact]
    public async Task The_storage_module_migrates_once_beside_the_actors_module_even_when_nodes_start_together()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(database.DataSource).MigrateActorsAsync(cancel);
        var actorsBefore = await VersionOfAsync(database, "actors", cancel);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => new MigrationRunner(database.DataSource).MigrateStorageAsync(cancel), cancel)));

        // Scripts are numbered 1..N, so the module's version after migrating is the number of scripts.
        var scripts = typeof(StorageModule).Assembly.GetManifestResourceNames()
            .Count(name => name.Contains(".Migrations.Scripts.", StringComparison.Ordinal));
        Assert.Equal(scripts, applied.Sum());
        Assert.Equal(scripts, await VersionOfAsync(database, StorageModule.Name, cancel));
        Assert.Equal(actorsBefore, await VersionOfAsync(database, "actors", cancel));
        Assert.Equal(0, await new MigrationRunner(database.DataSource).MigrateStorageAsync(cancel));
    }

    private static async Task<int?> VersionOfAsync(PostgresTestDatabase database, string module, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version FROM schema_versions WHERE module = $1");
        command.Parameters.AddWithValue(module);
        return await command.ExecuteScalarAsync(cancellationToken) as int?;
    }
}
