namespace ContactCenter.Drills;

/// <summary>How a <see cref="DrillCluster"/> is laid out.</summary>
public sealed class DrillClusterOptions
{
    /// <summary>The PostgreSQL database every process shares.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Where activation logs go; one file per silo process.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Silo processes, spread over <see cref="Sites"/> in turn. Default 4.</summary>
    public int Silos { get; init; } = 4;

    /// <summary>The sites (data centres). Default dc1, dc2.</summary>
    public IReadOnlyList<string> Sites { get; init; } = ["dc1", "dc2"];

    /// <summary>Membership lease (<c>Actors:Membership:LeaseDuration</c>) for every process; null keeps the default.</summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>Membership suspicion delay (<c>Actors:Membership:SuspectAfter</c>); null keeps the default.</summary>
    public TimeSpan? SuspectAfter { get; init; }

    /// <summary>Membership heartbeat (<c>Actors:Membership:HeartbeatPeriod</c>); null keeps the default.</summary>
    public TimeSpan? HeartbeatPeriod { get; init; }

    /// <summary>Connect every member to the database through its own <see cref="TcpProxy"/>, so a drill can cut one
    /// off or all at once. Default false.</summary>
    public bool DatabaseProxies { get; init; }

    /// <summary>Receives each process's command line and output when it is disposed (a test's output).</summary>
    public Action<string>? Report { get; init; }

    /// <summary>The runtime settings above as configuration flags for a host (<c>--Actors:Membership:...=</c>).</summary>
    internal IEnumerable<string> RuntimeFlags()
    {
        if (HeartbeatPeriod is { } heartbeat)
        {
            yield return $"--Actors:Membership:HeartbeatPeriod={heartbeat:c}";
        }
        if (LeaseDuration is { } lease)
        {
            yield return $"--Actors:Membership:LeaseDuration={lease:c}";
        }
        if (SuspectAfter is { } suspect)
        {
            yield return $"--Actors:Membership:SuspectAfter={suspect:c}";
        }
    }
}
