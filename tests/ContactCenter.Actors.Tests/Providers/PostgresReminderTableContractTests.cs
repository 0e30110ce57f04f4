using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The reminder contract on <see cref="PostgresReminderTable"/> over a real PostgreSQL.</summary>
public sealed class PostgresReminderTableContractTests(PostgresProvidersFixture fixture)
    : ReminderTableContractTests, IClassFixture<PostgresProvidersFixture>
{
    protected override Task<IReminderTable> CreateAsync() =>
        Task.FromResult<IReminderTable>(new PostgresReminderTable(fixture.Require().DataSource));
}
