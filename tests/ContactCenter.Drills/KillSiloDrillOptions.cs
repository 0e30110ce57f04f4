namespace ContactCenter.Drills;

/// <summary>The workload and the kills of a <see cref="KillSiloDrill"/>.</summary>
public sealed class KillSiloDrillOptions
{
    /// <summary>Drill grains under load. Default 1,000.</summary>
    public int Grains { get; init; } = 1000;

    /// <summary>Appends per second over all grains. Default 1,000.</summary>
    public double AppendsPerSecond { get; init; } = 1000;

    /// <summary>Load before the first kill and between kills. Default 10 s.</summary>
    public TimeSpan LoadBetweenKills { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the busiest silo is stopped (and, between stops, started again). Default 1.</summary>
    public int Kills { get; init; } = 1;

    /// <summary>Stop silos with SIGTERM (a graceful stop) instead of SIGKILL. Default false.</summary>
    public bool Graceful { get; init; }

    /// <summary>How long every grain may take to answer again after a kill before the drill gives up. Default 60 s.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Progress lines (phases and figures).</summary>
    public Action<string> Log { get; init; } = _ => { };
}
