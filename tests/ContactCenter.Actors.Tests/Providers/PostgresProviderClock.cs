using ContactCenter.Actors.Postgres;
using Npgsql;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The database clock the PostgreSQL providers stamp with: <c>now()</c> plus the provider clock's offset.</summary>
public sealed class PostgresProviderClock(NpgsqlDataSource dataSource, PostgresClock clock) : IProviderClock
{
    public async Task<DateTimeOffset> GetNowAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT now() + $1");
        command.Parameters.AddWithValue(clock.Offset);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    public Task AdvanceAsync(TimeSpan delta)
    {
        clock.Offset += delta;
        return Task.CompletedTask;
    }
}
