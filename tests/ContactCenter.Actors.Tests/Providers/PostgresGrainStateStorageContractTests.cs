using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The state storage contract on <see cref="PostgresGrainStateStorage"/> over a real PostgreSQL.</summary>
public sealed class PostgresGrainStateStorageContractTests(PostgresProvidersFixture fixture)
    : GrainStateStorageContractTests, IClassFixture<PostgresProvidersFixture>
{
    protected override Task<IGrainStateStorage> CreateAsync() =>
        Task.FromResult<IGrainStateStorage>(new PostgresGrainStateStorage(fixture.Require().DataSource, fixture.Clock));
}
