using Npgsql;

namespace ContactCenter.TestSupport;

/// <summary>A private database for one test class on the server named by <c>ConnectionStrings__ContactCenter</c>
/// (ops/test.sh starts a throwaway one), dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "ConnectionStrings__ContactCenter";

    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    /// <summary>The connection string of this database (for processes the test starts).</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can. In CI a missing server is an error, not a
    /// reason to skip.</summary>
    public static string? UnavailableReason()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            return null;
        }
        if (Environment.GetEnvironmentVariable("CI") is not null)
        {
            throw new InvalidOperationException($"CI must provide PostgreSQL through {Variable} (ops/test.sh does)");
        }
        return $"{Variable} is not set: install postgresql and run ops/test.sh, or point it at a server";
    }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set");
        var name = $"cc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresTestDatabase(admin, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        // FORCE ends the test's own sessions; a server process of another role on the database (an autovacuum worker
        // on a busy server) makes it fail with 42501 for a non-superuser until that process is done, so try again.
        await Eventually.SucceedsAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
                return await drop.ExecuteNonQueryAsync();
            },
            TimeSpan.FromSeconds(30), $"dropping test database {Name}");
    }
}
