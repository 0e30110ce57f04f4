using ContactCenter.Actors;
using ContactCenter.Actors.Drills;
using Npgsql;

namespace ContactCenter.Drills;

/// <summary>What every drill checks: grains answering, acknowledged writes kept, members wrongly declared dead.</summary>
public static class DrillChecks
{
    private static readonly TimeSpan ProbeRetryDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MembershipPollPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>The silo holding the most of the grains <paramref name="keys"/> (activating them if need be), and how many.</summary>
    public static async Task<(DrillSilo Silo, int Activations)> BusiestAsync(
        DrillCluster cluster, IReadOnlyList<string> keys, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var placement = await Task.WhenAll(keys.Select(k => StatusAsync(cluster.Client, k, timeout, cancellationToken)));
        var busiest = placement.GroupBy(p => p.Status.Silo).MaxBy(g => g.Count())!;
        return (cluster.Silos.Single(s => s.Address.ToString() == busiest.Key), busiest.Count());
    }

    /// <summary>Polls the membership table until <paramref name="address"/>'s row meets <paramref name="condition"/>;
    /// returns when this process saw it.</summary>
    public static async Task<DateTimeOffset> WaitForStatusAsync(
        DrillCluster cluster, string address, Func<MemberStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var rows = await cluster.ReadMembershipAsync(cancellationToken);
            if (rows.TryGetValue(address, out var status) && condition(status))
            {
                return DateTimeOffset.UtcNow;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"member {address} did not reach the expected status within {timeout} (it is {status})");
            }
            await Task.Delay(MembershipPollPeriod, cancellationToken);
        }
    }

    /// <summary>Asks every grain for its status at once, each until it answers from a silo other than
    /// <paramref name="victim"/>; returns when the last one did.</summary>
    public static async Task<DateTimeOffset[]> ProbeAllAsync(
        IGrainFactory grains, IReadOnlyList<string> keys, string victim, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(keys.Select(async key =>
        {
            while (true)
            {
                var (status, at) = await StatusAsync(grains, key, timeout, cancellationToken);
                if (status.Silo != victim)
                {
                    return at;
                }
                // Still answered by the victim before it stopped (a graceful stop hands activations off in turn).
                await Task.Delay(ProbeRetryDelay, cancellationToken);
            }
        }));
        Array.Sort(answers);
        return answers;
    }

    /// <summary>The grain's status and when it answered, retrying failed calls until <paramref name="timeout"/>.</summary>
    public static async Task<(DrillStatus Status, DateTimeOffset At)> StatusAsync(
        IGrainFactory grains, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IDrillGrain>(key);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                var status = await grain.GetStatusAsync();
                return (status, DateTimeOffset.UtcNow);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"drill grain {key} did not answer within {timeout}: {exception.GetType().Name}: {exception.Message}", exception);
                }
                await Task.Delay(ProbeRetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Acknowledged appends missing from the journal, counted twice independently: by the journal rows in the
    /// database and by each grain's own fold of its journal (which also catches doubled appends). The larger counts.</summary>
    public static async Task<long> CountLostWritesAsync(DrillCluster cluster, IReadOnlyList<string> keys, DrillLoad load, CancellationToken cancellationToken)
    {
        var streams = keys.Select(k => new GrainId(typeof(IDrillGrain).FullName!, k).ToString()).ToArray();
        var rows = new Dictionary<string, long>();
        await using (var command = cluster.DataSource.CreateCommand(
                         "SELECT stream_id, count(*) FROM journal_events WHERE stream_id = ANY(@streams) GROUP BY stream_id"))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("streams", streams));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        long lost = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var acknowledged = load.Acknowledged[i];
            var (status, _) = await StatusAsync(cluster.Client, keys[i], TimeSpan.FromSeconds(30), cancellationToken);
            var byDatabase = Math.Max(0, acknowledged - rows.GetValueOrDefault(streams[i]));
            var byGrain = Math.Max(0, acknowledged - status.LastSequence) + Math.Abs(status.Appends - status.LastSequence);
            lost += Math.Max(byDatabase, byGrain);
        }
        return lost;
    }

    /// <summary>Members this cluster started that the database holds as dead although the drill neither killed them
    /// nor meant them to die (<paramref name="expectedDead"/>).</summary>
    public static async Task<List<string>> FindFalseDeathsAsync(DrillCluster cluster, IEnumerable<string> expectedDead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var expected = expectedDead.ToHashSet();
        var membership = await cluster.ReadMembershipAsync(cancellationToken);
        return [.. cluster.Addresses.Where(a =>
            membership.GetValueOrDefault(a) == MemberStatus.Dead && !cluster.KillTimes.ContainsKey(a) && !expected.Contains(a))];
    }
}
