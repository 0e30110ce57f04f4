using System.Diagnostics;
using System.Globalization;
using ContactCenter.Actors;
using ContactCenter.Actors.Drills;
using ContactCenter.Drills;
using ContactCenter.TestSupport;

namespace ContactCenter.Cluster.Tests;

/// <summary>The failover drills of the PostgreSQL cluster issue, on real host processes (4 silos in two sites) and one
/// PostgreSQL database, with the default membership timings (heartbeat 1 s, lease 4 s, suspect after 5 s). They run
/// alone (<see cref="FailoverDrillCollection"/>): the figures mean nothing on a machine busy with other tests.</summary>
[Collection(FailoverDrillCollection.Name)]
public sealed class FailoverDrillTests
{
    /// <summary>The floor: every grain answers again within 15 s of a kill -9 (the goal is 5 s, tuned).</summary>
    private const double FloorSeconds = 15;

    private static readonly TimeSpan LoadPhase = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longer than SuspectAfter (5 s): every silo's lease lapses and every heartbeat is older than the vote
    /// threshold when the database comes back.</summary>
    private static readonly TimeSpan DatabaseOutage = TimeSpan.FromSeconds(7);

    /// <summary>Two SuspectAfter periods: long enough for any wrong vote after an outage to have been cast.</summary>
    private static readonly TimeSpan SettleAfterOutage = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kill_9_of_the_busiest_silo_loses_no_acknowledged_append_and_every_grain_answers_again_within_the_floor()
    {
        var result = await RunKillSiloDrillAsync(graceful: false);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Details()));
        Assert.True(
            result.WorstRecoveredInSeconds <= FloorSeconds,
            $"every grain answered again only {result.WorstRecoveredInSeconds:0.00} s after the kill (floor {FloorSeconds} s)");
    }

    [Fact]
    public async Task A_graceful_stop_of_the_busiest_silo_loses_nothing_and_declares_nobody_dead()
    {
        var result = await RunKillSiloDrillAsync(graceful: true);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Details()));
    }

    [Fact]
    public async Task A_silo_cut_off_from_the_database_fences_its_grains_move_without_double_activation_and_it_rejoins()
    {
        await using var database = await CreateDatabaseAsync();
        await using var cluster = await StartClusterAsync(database, silos: 4, proxies: true);
        var (keys, load) = await StartLoadAsync(cluster);
        var (victim, activations) = await DrillChecks.BusiestAsync(cluster, keys, StepTimeout, Cancel);
        var address = victim.Address.ToString();

        var cutAt = DateTimeOffset.UtcNow;
        victim.DatabaseProxy!.Cut();
        await victim.Process.WaitUntilAsync(
            () => Task.FromResult(victim.Process.FirstOutput("Lease expired") is not null), StepTimeout, "the cut-off silo to fence itself", Cancel);
        var fencedAt = victim.Process.FirstOutput("Lease expired")!.Value;
        var declaredAt = await DrillChecks.WaitForStatusAsync(cluster, address, s => s == MemberStatus.Dead, StepTimeout, Cancel);
        var answers = await DrillChecks.ProbeAllAsync(cluster.Client, keys, address, StepTimeout, Cancel);
        Output($"cut {victim} ({activations} activations): fenced after {Seconds(fencedAt - cutAt)}, declared dead after {Seconds(declaredAt - cutAt)}, every grain answering elsewhere after {Seconds(answers[^1] - cutAt)}");

        victim.DatabaseProxy.Restore();
        await victim.Process.WaitUntilAsync(
            () => Task.FromResult(victim.Process.FirstOutput("Rejoined the cluster as") is not null), StepTimeout, "the silo to rejoin", Cancel);
        await Task.Delay(LoadPhase, Cancel);
        await load.StopAsync();

        Assert.Equal(0, await DrillChecks.CountLostWritesAsync(cluster, keys, load, Cancel));
        Assert.Empty(ActivationOverlaps.Find(cluster.Silos.SelectMany(s => s.ActivationLogs), cluster.ActivationEndTimes()));
        Assert.Empty(await DrillChecks.FindFalseDeathsAsync(cluster, [address], Cancel));
        Assert.True(fencedAt < declaredAt, $"the silo fenced at {fencedAt:O}, after it was declared dead at {declaredAt:O}");
        var rejoined = victim.Process.StandardOutput.Split('\n').Single(l => l.Contains("Rejoined the cluster as", StringComparison.Ordinal));
        var membership = await cluster.ReadMembershipAsync(Cancel);
        Assert.Contains(membership, m => m.Value == MemberStatus.Active && rejoined.Contains(m.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_outage_seen_by_every_member_pauses_the_cluster_but_declares_nobody_dead_and_loses_nothing()
    {
        await using var database = await CreateDatabaseAsync();
        await using var cluster = await StartClusterAsync(database, silos: 4, proxies: true);
        var (keys, load) = await StartLoadAsync(cluster);

        // As a restart looks from the members: every connection reset, and nothing answers for a while.
        foreach (var proxy in cluster.DatabaseProxies)
        {
            proxy.ResetAll();
            proxy.Cut();
        }
        await Task.Delay(DatabaseOutage, Cancel);
        foreach (var proxy in cluster.DatabaseProxies)
        {
            proxy.Restore();
        }
        await Task.Delay(SettleAfterOutage, Cancel);
        var answers = await DrillChecks.ProbeAllAsync(cluster.Client, keys, victim: "", StepTimeout, Cancel);
        await load.StopAsync();

        Assert.All(cluster.Silos, s => Assert.True(
            s.Process.FirstOutput("Lease expired") is not null, $"{s} never fenced, so it never lost the database{Environment.NewLine}{s.Process.Describe()}"));
        Assert.Empty(await DrillChecks.FindFalseDeathsAsync(cluster, [], Cancel));
        Assert.Equal(keys.Count, answers.Length);
        Assert.Equal(0, await DrillChecks.CountLostWritesAsync(cluster, keys, load, Cancel));
        Assert.Empty(ActivationOverlaps.Find(cluster.Silos.SelectMany(s => s.ActivationLogs), cluster.ActivationEndTimes()));
    }

    [Fact]
    public async Task A_stream_published_by_a_grain_on_a_silo_reaches_a_subscriber_in_the_client_process()
    {
        await using var database = await CreateDatabaseAsync();
        await using var cluster = await StartClusterAsync(database, silos: 2, proxies: false);
        var key = Keys(1)[0];
        var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = cluster.Client.Streams.GetStream<long>(new StreamId(IDrillGrain.StreamNamespace, key));
        await stream.SubscribeAsync((value, _) =>
        {
            received.TrySetResult(value);
            return Task.CompletedTask;
        });

        var grain = cluster.Client.GetGrain<IDrillGrain>(key);
        await grain.PublishAsync(42);

        Assert.Equal(42, await received.Task.WaitAsync(StepTimeout, Cancel));
        Assert.Contains((await grain.GetStatusAsync()).Silo, cluster.Silos.Select(s => s.Address.ToString()));
    }

    [Fact]
    public async Task A_grains_call_to_an_observer_in_a_killed_client_fails_as_unavailable_instead_of_timing_out()
    {
        await using var database = await CreateDatabaseAsync();
        await using var cluster = await StartClusterAsync(database, silos: 2, proxies: false);
        var key = Keys(1)[0];
        await using var observerClient = HostProcess.StartDll(
            typeof(DrillCluster).Assembly.Location,
            ["observer-client", key],
            new Dictionary<string, string> { [PostgresTestDatabase.Variable] = database.ConnectionString },
            TestOutput.Report);
        await observerClient.WaitUntilAsync(
            () => Task.FromResult(observerClient.FirstOutput("attached") is not null), StepTimeout, "the observer client to attach", Cancel);
        var grain = cluster.Client.GetGrain<IDrillGrain>(key);
        Assert.Null(await grain.NotifyAsync("before the kill"));

        await observerClient.KillAsync();
        var clock = Stopwatch.StartNew();
        var outcome = await grain.NotifyAsync("after the kill");
        Output($"the call to the killed client's observer ended after {Seconds(clock.Elapsed)} with {outcome}");

        Assert.Equal(nameof(ObserverUnavailableException), outcome);
        Assert.Contains("notified: before the kill", observerClient.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<DrillResult> RunKillSiloDrillAsync(bool graceful)
    {
        await using var database = await CreateDatabaseAsync();
        DrillResult result;
        await using (var cluster = await StartClusterAsync(database, silos: 4, proxies: false))
        {
            result = await KillSiloDrill.RunAsync(
                cluster,
                new KillSiloDrillOptions { Grains = 1000, AppendsPerSecond = 300, LoadBetweenKills = LoadPhase, Graceful = graceful, Log = Output },
                Cancel);
        }
        foreach (var line in result.Details())
        {
            Output(line);
        }
        Output(result.SummaryLine);
        return result;
    }

    private static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        return await PostgresTestDatabase.CreateAsync();
    }

    private static Task<DrillCluster> StartClusterAsync(PostgresTestDatabase database, int silos, bool proxies) =>
        DrillCluster.StartAsync(
            new DrillClusterOptions
            {
                ConnectionString = database.ConnectionString,
                WorkDirectory = Directory.CreateTempSubdirectory("cc-drill-").FullName,
                Silos = silos,
                DatabaseProxies = proxies,
                Report = TestOutput.Report,
            },
            Cancel);

    /// <summary>300 grains under a steady 150 appends/s from the client, running for one load phase already.</summary>
    private static async Task<(List<string> Keys, DrillLoad Load)> StartLoadAsync(DrillCluster cluster)
    {
        var keys = Keys(300);
        var load = new DrillLoad(cluster.Client, keys, appendsPerSecond: 150);
        load.Start();
        await Task.Delay(LoadPhase, Cancel);
        return (keys, load);
    }

    private static List<string> Keys(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-{i}"))];
    }

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");

    private static void Output(string line) => TestOutput.Report($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
}
