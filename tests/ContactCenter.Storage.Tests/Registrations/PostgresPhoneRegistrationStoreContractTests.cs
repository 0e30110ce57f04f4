using ContactCenter.Storage.Registrations;
using ContactCenter.Storage.Tests.Contacts;
using Npgsql;

namespace ContactCenter.Storage.Tests.Registrations;

/// <summary>The phone registration contract on <see cref="PostgresPhoneRegistrationStore"/> over a real PostgreSQL. The
/// class's database holds one table, so each test empties it first (the tests of a class run one at a time).</summary>
public sealed class PostgresPhoneRegistrationStoreContractTests(PostgresStorageFixture fixture)
    : PhoneRegistrationStoreContractTests, IClassFixture<PostgresStorageFixture>
{
    protected override async Task<IPhoneRegistrationStore> CreateAsync()
    {
        var dataSource = fixture.Require().DataSource;
        await using var truncate = dataSource.CreateCommand("TRUNCATE phone_registrations");
        await truncate.ExecuteNonQueryAsync(Cancel);
        return new PostgresPhoneRegistrationStore(dataSource);
    }

    [Fact]
    public async Task A_purge_and_a_lookup_by_user_read_an_index_not_the_whole_table()
    {
        var dataSource = fixture.Require().DataSource;
        await CreateAsync();
        await using var connection = await dataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        // The table is empty, so the planner would scan it whatever indexes there are; without that choice it says
        // which index serves each query.
        await using (var noScans = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await noScans.ExecuteNonQueryAsync(Cancel);
        }

        var purge = await PlanAsync(connection, transaction,
            "SELECT address_of_record FROM phone_registrations WHERE next_expiry <= now() ORDER BY next_expiry LIMIT 500");
        var lookup = await PlanAsync(connection, transaction, "SELECT bindings FROM phone_registrations WHERE sip_user = 'agent1'");

        Assert.Contains("phone_registrations_next_expiry", purge, StringComparison.Ordinal);
        Assert.Contains("phone_registrations_user", lookup, StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query)
    {
        await using var explain = new NpgsqlCommand($"EXPLAIN {query}", connection, transaction);
        await using var reader = await explain.ExecuteReaderAsync(Cancel);
        var lines = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}
