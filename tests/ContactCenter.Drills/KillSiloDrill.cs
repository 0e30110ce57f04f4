using System.Globalization;
using ContactCenter.Actors;

namespace ContactCenter.Drills;

/// <summary>The failover drill: a steady load of journal appends from the client on many grains; the silo holding
/// the most activations is killed (or stopped); the drill measures how long until every grain answers again, then
/// checks that every acknowledged append is in the journal, that no grain was active on two silos at once and that
/// nobody but the victim was declared dead.</summary>
public static class KillSiloDrill
{
    public static async Task<DrillResult> RunAsync(DrillCluster cluster, KillSiloDrillOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var run = Guid.NewGuid().ToString("N")[..8];
        var keys = Enumerable.Range(0, options.Grains).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-{i}")).ToList();
        var load = new DrillLoad(cluster.Client, keys, options.AppendsPerSecond);
        var kills = new List<KillRecord>();
        var stopped = new HashSet<string>();
        options.Log($"load: {options.Grains} grains, {options.AppendsPerSecond} appends/s on {cluster.Silos.Count} silos");
        load.Start();
        try
        {
            for (var kill = 1; kill <= options.Kills; kill++)
            {
                await Task.Delay(options.LoadBetweenKills, cancellationToken);
                if (kill > 1)
                {
                    var restart = cluster.Silos.Single(s => s.Process.HasExited);
                    await cluster.RestartAsync(restart, cancellationToken);
                    options.Log($"restarted {restart}");
                    await Task.Delay(options.LoadBetweenKills, cancellationToken);
                }
                kills.Add(await KillBusiestAsync(cluster, keys, options, stopped, cancellationToken));
                options.Log($"kill {kill}: {kills[^1]}");
            }
            await Task.Delay(options.LoadBetweenKills / 2, cancellationToken);
        }
        finally
        {
            await load.StopAsync();
        }

        var lost = await DrillChecks.CountLostWritesAsync(cluster, keys, load, cancellationToken);
        var overlaps = ActivationOverlaps.Find(cluster.Silos.SelectMany(s => s.ActivationLogs), cluster.ActivationEndTimes());
        var falseDeaths = await DrillChecks.FindFalseDeathsAsync(cluster, stopped, cancellationToken);
        return new DrillResult(kills, load.TotalAcknowledged, lost, overlaps, falseDeaths, load.Errors, load.ErrorSamples);
    }

    private static async Task<KillRecord> KillBusiestAsync(
        DrillCluster cluster, IReadOnlyList<string> keys, KillSiloDrillOptions options, HashSet<string> stopped, CancellationToken cancellationToken)
    {
        var (victim, activations) = await DrillChecks.BusiestAsync(cluster, keys, options.RecoveryTimeout, cancellationToken);
        var address = victim.Address.ToString();

        DateTimeOffset stoppedAt;
        Task<DateTimeOffset> declared;
        if (options.Graceful)
        {
            stopped.Add(address);
            declared = DrillChecks.WaitForStatusAsync(cluster, address, s => s != MemberStatus.Active, options.RecoveryTimeout, cancellationToken);
            stoppedAt = DateTimeOffset.UtcNow;
            var terminate = cluster.TerminateAsync(victim, cancellationToken);
            var recovered = await DrillChecks.ProbeAllAsync(cluster.Client, keys, address, options.RecoveryTimeout, cancellationToken);
            await terminate;
            return Record(victim, activations, stoppedAt, await declared, recovered, options.Log);
        }
        stoppedAt = await cluster.KillAsync(victim, cancellationToken);
        declared = DrillChecks.WaitForStatusAsync(cluster, address, s => s == MemberStatus.Dead, options.RecoveryTimeout, cancellationToken);
        var answered = await DrillChecks.ProbeAllAsync(cluster.Client, keys, address, options.RecoveryTimeout, cancellationToken);
        return Record(victim, activations, stoppedAt, await declared, answered, options.Log);
    }

    private static KillRecord Record(
        DrillSilo victim, int activations, DateTimeOffset stoppedAt, DateTimeOffset declared, DateTimeOffset[] answers, Action<string> log)
    {
        // The victim's grains are the last to answer: their spread tells detection from reactivation.
        var victims = answers[^activations..];
        log(string.Create(CultureInfo.InvariantCulture,
            $"{victim}'s grains answered again after {(victims[0] - stoppedAt).TotalSeconds:0.00} s (first), {(victims[activations / 2] - stoppedAt).TotalSeconds:0.00} s (half), {(victims[^1] - stoppedAt).TotalSeconds:0.00} s (last)"));
        return new(victim.ToString(), activations, (declared - stoppedAt).TotalSeconds, (answers[^1] - stoppedAt).TotalSeconds);
    }
}
