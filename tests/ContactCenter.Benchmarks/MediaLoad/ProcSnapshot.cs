using System.Diagnostics;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>What /proc says at one instant: CPU of the server and of this process, UDP error counters and per-socket
/// drops of the server's and the generator's sockets.</summary>
/// <param name="Timestamp">Stopwatch timestamp of the reading.</param>
/// <param name="ServerCpuNs">Server time on CPU, all threads (utime + stime of /proc/pid/stat), nanoseconds.</param>
/// <param name="ServerUserTicks">Server utime, clock ticks.</param>
/// <param name="ServerSystemTicks">Server stime, clock ticks.</param>
/// <param name="OwnCpuNs">This process's time on CPU, nanoseconds.</param>
/// <param name="RcvbufErrors">/proc/net/snmp Udp RcvbufErrors (whole host).</param>
/// <param name="InErrors">/proc/net/snmp Udp InErrors (whole host).</param>
/// <param name="ServerSocketDrops">Sum of /proc/net/udp drops over the server's RTP ports.</param>
/// <param name="GeneratorSocketDrops">Sum of /proc/net/udp drops over the generator's ports.</param>
/// <param name="HostBusyJiffies">/proc/stat: all CPUs, non-idle jiffies.</param>
/// <param name="HostTotalJiffies">/proc/stat: all CPUs, all jiffies.</param>
public sealed record ProcSnapshot(
    long Timestamp,
    long ServerCpuNs,
    long ServerUserTicks,
    long ServerSystemTicks,
    long OwnCpuNs,
    long RcvbufErrors,
    long InErrors,
    long ServerSocketDrops,
    long GeneratorSocketDrops,
    long HostBusyJiffies,
    long HostTotalJiffies)
{
    public static ProcSnapshot Read(int serverPid, HashSet<int> serverPorts, HashSet<int> generatorPorts)
    {
        var (serverUser, serverSystem) = StatTicks(serverPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (ownUser, ownSystem) = StatTicks("self");
        var snmp = UdpSnmp();
        var (serverDrops, generatorDrops) = SocketDrops(serverPorts, generatorPorts);
        var (busy, total) = HostJiffies();
        return new ProcSnapshot(
            Stopwatch.GetTimestamp(),
            (serverUser + serverSystem) * NanosPerTick,
            serverUser,
            serverSystem,
            (ownUser + ownSystem) * NanosPerTick,
            snmp.GetValueOrDefault("RcvbufErrors"),
            snmp.GetValueOrDefault("InErrors"),
            serverDrops,
            generatorDrops,
            busy,
            total);
    }

    // USER_HZ, the unit of utime and stime: 100 on every Linux architecture .NET runs on. (/proc/pid/schedstat is
    // finer but covers only the main thread.)
    private const long NanosPerTick = 10_000_000;

    private static (long User, long System) StatTicks(string pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the parenthesised command name (which may contain spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture), long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, long> UdpSnmp()
    {
        var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToList();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 1; i < names.Length; i++)
        {
            result[names[i]] = long.Parse(values[i], System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static (long Server, long Generator) SocketDrops(HashSet<int> serverPorts, HashSet<int> generatorPorts)
    {
        long server = 0;
        long generator = 0;
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = fields[1];
            var port = Convert.ToInt32(local[(local.IndexOf(':') + 1)..], 16);
            var drops = long.Parse(fields[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (serverPorts.Contains(port))
            {
                server += drops;
            }
            else if (generatorPorts.Contains(port))
            {
                generator += drops;
            }
        }
        return (server, generator);
    }

    private static (long Busy, long Total) HostJiffies()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user).
        var total = cpu.Take(8).Sum();
        return (total - cpu[3] - cpu[4], total);
    }
}
