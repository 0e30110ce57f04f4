using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The directory contract on <see cref="PostgresGrainDirectory"/> over a real PostgreSQL.</summary>
public sealed class PostgresGrainDirectoryContractTests(PostgresProvidersFixture fixture)
    : GrainDirectoryContractTests, IClassFixture<PostgresProvidersFixture>
{
    protected override async Task<GrainDirectoryUnderTest> CreateAsync()
    {
        var database = await fixture.RequireEmptyClusterAsync();
        return new GrainDirectoryUnderTest(
            new PostgresGrainDirectory(database.DataSource),
            new PostgresMembershipTable(database.DataSource, fixture.Clock),
            new PostgresProviderClock(database.DataSource, fixture.Clock));
    }
}
