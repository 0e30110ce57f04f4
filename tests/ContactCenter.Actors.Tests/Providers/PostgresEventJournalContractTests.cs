using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The journal contract on <see cref="PostgresEventJournal"/> over a real PostgreSQL.</summary>
public sealed class PostgresEventJournalContractTests(PostgresProvidersFixture fixture)
    : EventJournalContractTests, IClassFixture<PostgresProvidersFixture>
{
    protected override Task<EventJournalUnderTest> CreateAsync()
    {
        var database = fixture.Require();
        return Task.FromResult(new EventJournalUnderTest(
            new PostgresEventJournal(database.DataSource, fixture.Clock),
            new PostgresProviderClock(database.DataSource, fixture.Clock)));
    }
}
