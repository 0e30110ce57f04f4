using System.Diagnostics.Metrics;
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

    [Fact]
    public async Task Writes_by_outcome_and_purged_bindings_are_counted()
    {
        await CreateAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == PhoneRegistrationMetrics.MeterName)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value;
            lock (counts)
            {
                var key = outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}";
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();
        using var metrics = new PhoneRegistrationMetrics();
        var store = new PostgresPhoneRegistrationStore(fixture.Require().DataSource, metrics: metrics);
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        PhoneBinding Binding(string id, int seconds) => new("sip:m@x", $"<sip:{id}@192.0.2.1>", id, 1, start.AddSeconds(seconds), null);

        Assert.True(await store.TryReplaceAsync("sip:m@x", "m", 0, [Binding("a", 60), Binding("b", 600)], Cancel));
        Assert.False(await store.TryReplaceAsync("sip:m@x", "m", 0, [Binding("c", 60)], Cancel));
        Assert.Equal(1, await store.RemoveExpiredAsync(start.AddSeconds(60), Cancel));

        lock (counts)
        {
            Assert.Equal(2, counts.GetValueOrDefault("phone_registrations.writes:written")); // the purge's rewrite included
            Assert.Equal(1, counts.GetValueOrDefault("phone_registrations.writes:conflict"));
            Assert.Equal(1, counts.GetValueOrDefault("phone_registrations.purged"));
        }
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
