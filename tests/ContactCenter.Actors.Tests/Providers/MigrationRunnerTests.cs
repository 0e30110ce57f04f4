using ContactCenter.Actors.Postgres;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Nodes_starting_at_once_apply_each_script_exactly_once()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        await using var database = await PostgresTestDatabase.CreateAsync();

        var applied = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => new MigrationRunner(database.DataSource).MigrateActorsAsync(TestContext.Current.CancellationToken))));

        // Scripts are numbered 1..N, so the module's version after migrating is the number of scripts.
        var scripts = typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Count(name => name.Contains(".Migrations.Scripts.", StringComparison.Ordinal));
        Assert.Equal(scripts, applied.Sum());
        await using var command = database.DataSource.CreateCommand("SELECT version FROM schema_versions WHERE module = 'actors'");
        Assert.Equal(scripts, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await new MigrationRunner(database.DataSource).MigrateActorsAsync(TestContext.Current.CancellationToken));
    }
}
