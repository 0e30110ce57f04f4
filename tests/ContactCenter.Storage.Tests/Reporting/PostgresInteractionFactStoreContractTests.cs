using ContactCenter.Actors.Postgres;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Storage.Migrations;
using ContactCenter.Storage.Reporting;
using ContactCenter.Storage.Tests.Contacts;
using ContactCenter.TestSupport;
using static ContactCenter.Storage.Tests.Reporting.SampleFacts;

namespace ContactCenter.Storage.Tests.Reporting;

/// <summary>The interaction fact store contract on <see cref="PostgresInteractionFactStore"/> over a real PostgreSQL.
/// The class's database holds one position, so each test resets the store first (the tests of a class run one at a
/// time).</summary>
public sealed class PostgresInteractionFactStoreContractTests(PostgresStorageFixture fixture)
    : InteractionFactStoreContractTests, IClassFixture<PostgresStorageFixture>
{
    protected override async Task<IInteractionFactStore> CreateAsync()
    {
        var store = new PostgresInteractionFactStore(fixture.Require().DataSource);
        await store.ResetAsync(Cancel);
        return store;
    }

    [Fact]
    public async Task A_freshly_migrated_database_is_empty_at_position_zero()
    {
        fixture.Require();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(database.DataSource).MigrateStorageAsync(Cancel);
        var store = new PostgresInteractionFactStore(database.DataSource);

        Assert.Equal(0, await store.GetPositionAsync(Cancel));
        Assert.Empty(await store.QueryAsync(new InteractionQuery { From = DateTimeOffset.MinValue, To = DateTimeOffset.MaxValue }, Cancel));
        Assert.True(await store.SaveAsync([Fact("first", At(1))], 0, 1, Cancel));
    }

    [Fact]
    public async Task Without_its_position_row_the_store_fails_naming_the_migration()
    {
        var database = fixture.Require();
        var store = new PostgresInteractionFactStore(database.DataSource);
        await store.ResetAsync(Cancel);
        await using (var delete = database.DataSource.CreateCommand("DELETE FROM projection_positions WHERE name = $1"))
        {
            delete.Parameters.AddWithValue(PostgresInteractionFactStore.PositionName);
            await delete.ExecuteNonQueryAsync(Cancel);
        }
        try
        {
            Assert.Contains("0003_interaction_facts",
                (await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetPositionAsync(Cancel))).Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync([Fact("lost", At(1))], 0, 1, Cancel));
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResetAsync(Cancel));
            Assert.Empty(await store.GetAsync(["lost"], Cancel));
        }
        finally
        {
            await using var restore = database.DataSource.CreateCommand(
                "INSERT INTO projection_positions (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING");
            restore.Parameters.AddWithValue(PostgresInteractionFactStore.PositionName);
            await restore.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
