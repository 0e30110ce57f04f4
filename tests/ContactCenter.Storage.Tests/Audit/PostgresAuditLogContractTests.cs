using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Tests.Contacts;
using Npgsql;

namespace ContactCenter.Storage.Tests.Audit;

/// <summary>The audit log contract on <see cref="PostgresAuditLog"/> over a real PostgreSQL. The class's database holds
/// one log, so each test empties it first (the tests of a class run one at a time; TRUNCATE is the one way past the
/// append-only trigger, and no application path issues it).</summary>
public sealed class PostgresAuditLogContractTests(PostgresStorageFixture fixture)
    : AuditLogContractTests, IClassFixture<PostgresStorageFixture>
{
    protected override async Task<IAuditLog> CreateAsync(TimeProvider clock)
    {
        var dataSource = fixture.Require().DataSource;
        await using var truncate = dataSource.CreateCommand("TRUNCATE audit_log RESTART IDENTITY");
        await truncate.ExecuteNonQueryAsync(Cancel);
        return new PostgresAuditLog(dataSource, clock);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_log")]
    public async Task Stored_entries_cannot_be_changed_or_deleted(string statement)
    {
        var log = await CreateAsync(TimeProvider.System);
        var stored = await log.AppendAsync(new AuditEntry { Actor = "alice", Action = "skill.create", Kind = "skill", TargetId = "en" }, Cancel);
        await using var command = fixture.Require().DataSource.CreateCommand(statement);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Cancel));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal([stored], (await log.QueryAsync(new AuditQuery(), Cancel)).Items);
    }
}
