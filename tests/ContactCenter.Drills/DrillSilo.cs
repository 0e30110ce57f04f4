using System.Globalization;
using ContactCenter.Actors;

namespace ContactCenter.Drills;

/// <summary>One silo slot of a <see cref="DrillCluster"/>: fixed site and ports; the process and its address change
/// when it is restarted (a new generation).</summary>
public sealed class DrillSilo
{
    internal DrillSilo(int index, string site, int httpPort, int siloPort)
    {
        Index = index;
        Site = site;
        HttpPort = httpPort;
        SiloPort = siloPort;
    }

    public int Index { get; }

    public string Site { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    /// <summary>The relay this slot's processes reach the database through, when the cluster has them.</summary>
    public TcpProxy? DatabaseProxy { get; internal set; }

    /// <summary>The running (or last) process of this slot.</summary>
    public HostProcess Process { get; internal set; } = null!;

    /// <summary>The silo address the current process announced (<c>Silo host:port@generation (site) is up</c>).</summary>
    public SiloAddress Address { get; internal set; } = null!;

    /// <summary>Activation log files of every process this slot ran.</summary>
    public List<string> ActivationLogs { get; } = [];

    internal string NextActivationLog(string directory)
    {
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"silo{Index}-{ActivationLogs.Count}.log"));
        ActivationLogs.Add(path);
        return path;
    }

    public override string ToString() => $"silo{Index} {Address} ({Site})";
}
