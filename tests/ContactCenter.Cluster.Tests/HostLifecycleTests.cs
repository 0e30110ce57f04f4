using System.Globalization;
using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Drills;
using ContactCenter.TestSupport;

namespace ContactCenter.Cluster.Tests;

/// <summary>The host as operators run it: a real process on free ports, health endpoints, a graceful stop on SIGTERM.</summary>
public sealed class HostLifecycleTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Node_runs_a_silo_serves_health_and_stops_cleanly_on_SIGTERM()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ports = LoopbackPorts.Tcp(3);
        var (httpPort, siloPort, sipPort) = (ports[0], ports[1], ports[2]);
        await using var host = HostProcess.Start(
            ["--http-port", Text(httpPort), "--silo-port", Text(siloPort), "--sip-port", Text(sipPort)], report: TestOutput.Report);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };

        await host.WaitReadyAsync(httpPort, StartTimeout, cancellationToken);

        Assert.Equal("Healthy", await http.GetStringAsync("/health/ready", cancellationToken));
        using (var live = await http.GetAsync("/health/live", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(cancellationToken));
        }
        var siloLine = $@"(?m)^Silo 127\.0\.0\.1:{siloPort}@\d+ \(dc1\) is up$";
        await host.WaitUntilAsync(
            () => Regex.IsMatch(host.StandardOutput, siloLine),
            StartTimeout, $"the silo line for port {siloPort} on stdout", cancellationToken);

        await host.TerminateAsync(cancellationToken);
        var exitCode = await host.WaitForExitAsync(StopTimeout, cancellationToken);

        Assert.True(exitCode == 0, $"after SIGTERM the host exited with code {exitCode}{Environment.NewLine}{host.Describe()}");
        Assert.Contains("left the cluster", host.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", host.StandardError);
    }

    [Fact]
    public async Task Node_reads_its_settings_from_the_environment_and_the_flags()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ports = LoopbackPorts.Tcp(2);
        var (httpPort, siloPort) = (ports[0], ports[1]);
        await using var host = HostProcess.Start(
            [$"--http-port={Text(httpPort)}", "--roles", "silo"],
            new Dictionary<string, string> { ["Node__SiloPort"] = Text(siloPort), ["Node__Site"] = "dc2" }, report: TestOutput.Report);

        await host.WaitReadyAsync(httpPort, StartTimeout, cancellationToken);
        await host.WaitUntilAsync(
            () => host.StandardOutput.Contains($"Silo 127.0.0.1:{siloPort}@", StringComparison.Ordinal)
                && host.StandardOutput.Contains("(dc2) is up", StringComparison.Ordinal),
            StartTimeout, $"the silo line for port {siloPort} and site dc2 on stdout", cancellationToken);

        await host.TerminateAsync(cancellationToken);
        Assert.Equal(0, await host.WaitForExitAsync(StopTimeout, cancellationToken));
    }

    [Theory]
    [InlineData("--silo-port", "the silo cannot listen on 127.0.0.1:{0} (--bind, --silo-port)")]
    [InlineData("--http-port", "Failed to bind to address http://127.0.0.1:{0}")]
    public async Task A_port_in_use_stops_the_host_with_a_clear_message(string flag, string expected)
    {
        var ports = LoopbackPorts.Tcp(2);
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var busyPort = ((IPEndPoint)busy.LocalEndpoint).Port;
            string[] args = flag == "--silo-port"
                ? ["--silo-port", Text(busyPort), "--http-port", Text(ports[0])]
                : ["--http-port", Text(busyPort), "--silo-port", Text(ports[0]), "--sip-port", Text(ports[1])];
            await using var host = HostProcess.Start(args, report: TestOutput.Report);

            var exitCode = await host.WaitForExitAsync(StartTimeout, TestContext.Current.CancellationToken);

            Assert.True(exitCode != 0, $"the host exited with 0{Environment.NewLine}{host.Describe()}");
            Assert.Contains(string.Format(CultureInfo.InvariantCulture, expected, busyPort), host.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            busy.Stop();
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
