using ContactCenter.Drills;

namespace ContactCenter.Cluster.Tests;

/// <summary>Bad flags and modes that do not exist yet stop the host at start-up with a message that names the problem
/// (and never a secret), rather than running on defaults.</summary>
public sealed class HostConfigurationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(new[] { "--http-port", "99999" }, "--http-port (Node:HttpPort): 99999 is not a port")]
    [InlineData(new[] { "--silo-port", "0" }, "--silo-port (Node:SiloPort): 0 is not a port")]
    [InlineData(new[] { "--roles", "nonsense" }, "unknown role 'nonsense'")]
    [InlineData(new[] { "--roles", "silo,sip", "--rtp-ports", "30000-20000" }, "'30000-20000' is not a port range")]
    [InlineData(new[] { "--rtp-ports", "20000" }, "'20000' is not a port range")]
    [InlineData(new[] { "--bind", "localhost" }, "'localhost' is not an IP address")]
    [InlineData(new[] { "--http-port", "abc" }, "'Node:HttpPort'")]
    [InlineData(new[] { "--http-prot", "5080" }, "unknown flag '--http-prot'")]
    [InlineData(new[] { "--site" }, "flag '--site' needs a value")]
    [InlineData(new[] { "--http-port", "7000", "--silo-port", "7000" }, "--http-port and --silo-port are both 7000")]
    [InlineData(new[] { "--roles", "web,sip" }, "needs a cluster shared through PostgreSQL (--postgres)")]
    public async Task Invalid_configuration_stops_the_host_with_a_clear_message(string[] args, string expected)
    {
        await using var host = HostProcess.Start(args, report: TestOutput.Report);

        var exitCode = await host.WaitForExitAsync(ExitTimeout, TestContext.Current.CancellationToken);

        Assert.True(exitCode != 0, $"the host exited with 0{Environment.NewLine}{host.Describe()}");
        Assert.Contains(expected, host.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_unreachable_database_stops_the_host_with_a_clear_message_that_keeps_the_password_secret(bool asFlag)
    {
        const string password = "s3cret-7f3a91";
        const string connectionString = $"Host=127.0.0.1;Port=1;Username=contactcenter;Password={password};Database=contactcenter";
        await using var host = asFlag
            ? HostProcess.Start(["--postgres", connectionString], report: TestOutput.Report)
            : HostProcess.Start([], new Dictionary<string, string> { ["ConnectionStrings__ContactCenter"] = connectionString }, report: TestOutput.Report);

        var exitCode = await host.WaitForExitAsync(ExitTimeout, TestContext.Current.CancellationToken);

        Assert.True(exitCode != 0, $"the host exited with 0{Environment.NewLine}{host.Describe()}");
        Assert.Contains("cannot prepare the cluster database contactcenter on 127.0.0.1:1", host.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(password, host.StandardOutput + host.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_flags_and_exits_0()
    {
        await using var host = HostProcess.Start(["--help"], report: TestOutput.Report);

        var exitCode = await host.WaitForExitAsync(ExitTimeout, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        foreach (var flag in new[] { "--roles", "--postgres", "--site", "--http-port", "--sip-port", "--rtp-ports", "--silo-port", "--bind" })
        {
            Assert.Contains(flag, host.StandardOutput, StringComparison.Ordinal);
        }
    }
}
