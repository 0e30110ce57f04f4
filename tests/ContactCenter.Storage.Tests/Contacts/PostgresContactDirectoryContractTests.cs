using ContactCenter.Storage.Contacts;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>The contact directory contract on <see cref="PostgresContactDirectory"/> over a real PostgreSQL.</summary>
public sealed class PostgresContactDirectoryContractTests(PostgresStorageFixture fixture)
    : ContactDirectoryContractTests, IClassFixture<PostgresStorageFixture>
{
    protected override Task<ContactDirectoryUnderTest> CreateAsync()
    {
        var database = fixture.Require();
        var clock = new FakeTimeProvider();
        return Task.FromResult(new ContactDirectoryUnderTest(new PostgresContactDirectory(database.DataSource, clock), clock));
    }
}
