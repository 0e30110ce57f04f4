using System.Globalization;
using ContactCenter.Drills;
using ContactCenter.TestSupport;

namespace ContactCenter.Cluster.Tests;

/// <summary>Real host processes sharing one PostgreSQL database: a silo node and a client-only (web, sip) node.</summary>
public sealed class HostPostgresTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silo_node_and_a_client_only_node_share_a_cluster_through_PostgreSQL()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresTestDatabase.CreateAsync();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__ContactCenter"] = database.ConnectionString };
        var ports = LoopbackPorts.Tcp(5);
        await using var silo = HostProcess.Start(
            ["--http-port", Text(ports[0]), "--silo-port", Text(ports[1]), "--sip-port", Text(ports[2])], environment, report: TestOutput.Report);
        await silo.WaitReadyAsync(ports[0], StartTimeout, cancellationToken);
        await using var client = HostProcess.Start(
            ["--roles", "web,sip", "--http-port", Text(ports[3]), "--sip-port", Text(ports[4])], environment, report: TestOutput.Report);
        await client.WaitReadyAsync(ports[3], StartTimeout, cancellationToken);

        await using (var members = database.DataSource.CreateCommand("SELECT kind, status FROM cluster_members ORDER BY kind"))
        await using (var reader = await members.ExecuteReaderAsync(cancellationToken))
        {
            var rows = new List<(short Kind, short Status)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt16(0), reader.GetInt16(1)));
            }
            Assert.Equal([(1, 1), (2, 1)], rows); // one active silo, one active client
        }

        foreach (var node in new[] { client, silo })
        {
            await node.TerminateAsync(cancellationToken);
            var exitCode = await node.WaitForExitAsync(StopTimeout, cancellationToken);
            Assert.True(exitCode == 0, $"after SIGTERM the node exited with code {exitCode}{Environment.NewLine}{node.Describe()}");
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
