using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The membership contract on <see cref="PostgresMembershipTable"/> over a real PostgreSQL.</summary>
public sealed class PostgresMembershipTableContractTests(PostgresProvidersFixture fixture)
    : MembershipTableContractTests, IClassFixture<PostgresProvidersFixture>
{
    protected override async Task<MembershipTableUnderTest> CreateAsync()
    {
        var database = await fixture.RequireEmptyClusterAsync();
        return new MembershipTableUnderTest(
            new PostgresMembershipTable(database.DataSource, fixture.Clock),
            new PostgresProviderClock(database.DataSource, fixture.Clock));
    }
}
