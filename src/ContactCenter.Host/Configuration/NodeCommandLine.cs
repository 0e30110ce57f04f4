namespace ContactCenter.Host.Configuration;

/// <summary>The node's flags: their mapping onto configuration keys (so <c>--http-port 5080</c> sets
/// <c>Node:HttpPort</c>), a check for unknown flags, and the usage text.</summary>
internal static class NodeCommandLine
{
    // Flags the web host itself reads from the command line; allowed alongside the node's own.
    private static readonly string[] HostFlags = ["--environment", "--contentRoot", "--applicationName"];

    /// <summary>Flag → configuration key, for the command-line configuration provider.</summary>
    public static Dictionary<string, string> CreateSwitchMappings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["--roles"] = Key(nameof(NodeOptions.Roles)),
        ["--postgres"] = $"ConnectionStrings:{NodeOptions.ConnectionStringName}",
        ["--site"] = Key(nameof(NodeOptions.Site)),
        ["--http-port"] = Key(nameof(NodeOptions.HttpPort)),
        ["--sip-port"] = Key(nameof(NodeOptions.SipPort)),
        ["--rtp-ports"] = Key(nameof(NodeOptions.RtpPorts)),
        ["--silo-port"] = Key(nameof(NodeOptions.SiloPort)),
        ["--bind"] = Key(nameof(NodeOptions.Bind)),
        ["--advertise"] = Key(nameof(NodeOptions.Advertise)),
    };

    public static bool IsHelpRequested(IEnumerable<string> args) =>
        args.Any(a => a is "--help" or "-h");

    /// <summary>Unknown flags, stray arguments and flags without a value, read the way the command-line
    /// configuration provider reads them: <c>--flag value</c>, <c>--flag=value</c>, or a configuration path such as
    /// <c>--Logging:LogLevel:Default=Debug</c>. Values are never echoed: one of them may be a connection string.</summary>
    public static IReadOnlyList<string> FindErrors(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var known = CreateSwitchMappings();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var prefixLength = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('-') || arg.StartsWith('/') ? 1 : 0;
            if (prefixLength == 0)
            {
                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    errors.Add($"unexpected argument '{arg}' (flags start with --)");
                }
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = equals < 0 ? arg : arg[..equals];
            var name = flag[prefixLength..];
            var isKnown = (prefixLength == 2 && known.ContainsKey(flag))
                || HostFlags.Contains(flag, StringComparer.OrdinalIgnoreCase)
                || name.Contains(':', StringComparison.Ordinal);
            if (!isKnown)
            {
                errors.Add($"unknown flag '{flag}' (flags are {string.Join(", ", known.Keys)})");
            }
            if (equals < 0)
            {
                if (i + 1 < args.Count)
                {
                    i++;
                }
                else
                {
                    errors.Add($"flag '{flag}' needs a value");
                }
            }
        }
        return errors;
    }

    /// <summary>The text <c>--help</c> prints; defaults come from <see cref="NodeOptions"/>'s initialisers.</summary>
    public static string Usage
    {
        get
        {
            var defaults = new NodeOptions();
            var nl = Environment.NewLine;
            return $"Usage: ContactCenter.Host [flags]{nl}{nl}"
                + $"  --roles <list>       roles to run, comma-separated: silo, web, sip (default {defaults.Roles}){nl}"
                + $"  --postgres \"<conn>\"  PostgreSQL connection string shared by the cluster; also{nl}"
                + $"                       ConnectionStrings__ContactCenter (default none: in-memory, single node){nl}"
                + $"  --site <name>        site (data centre) of this node (default {defaults.Site}){nl}"
                + $"  --http-port <port>   HTTP port: web role and /health/live, /health/ready (default {defaults.HttpPort}){nl}"
                + $"  --sip-port <port>    SIP port, UDP and TCP (default {defaults.SipPort}){nl}"
                + $"  --rtp-ports <a-b>    RTP port range (default {defaults.RtpPorts}){nl}"
                + $"  --silo-port <port>   silo-to-silo port (default {defaults.SiloPort}){nl}"
                + $"  --bind <address>     IP address to listen on and advertise (default {defaults.Bind}){nl}"
                + $"  --advertise <addr>   IP address SDP and SIP Contact/Via advertise (default the bind address; with a{nl}"
                + $"                       wildcard bind, the first up non-loopback IPv4 interface address){nl}{nl}"
                + $"Each flag is also configuration: appsettings.json section \"{NodeOptions.SectionName}\" (Node:HttpPort){nl}"
                + $"or the environment (Node__HttpPort); flags win.{nl}";
        }
    }

    private static string Key(string property) => $"{NodeOptions.SectionName}:{property}";
}
