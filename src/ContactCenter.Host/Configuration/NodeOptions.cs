namespace ContactCenter.Host.Configuration;

/// <summary>What one process of the platform runs and where it listens. Each property is a command-line flag and also
/// configuration: section <c>Node</c> of <c>appsettings.json</c> (<c>Node:HttpPort</c>) or the environment
/// (<c>Node__HttpPort</c>); the flags win. Validated at start-up by <see cref="NodeOptionsValidator"/>.</summary>
internal sealed class NodeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Node";

    /// <summary>The name of the connection string (<c>ConnectionStrings:ContactCenter</c>).</summary>
    public const string ConnectionStringName = "ContactCenter";

    /// <summary>Comma-separated roles to run, any of <c>silo</c>, <c>web</c>, <c>sip</c> (<c>--roles</c>). Default
    /// <c>silo,web,sip</c>.</summary>
    public string Roles { get; set; } = "silo,web,sip";

    /// <summary>The PostgreSQL connection string every node of a cluster shares (<c>--postgres</c>, or
    /// <c>ConnectionStrings__ContactCenter</c>; read from <c>ConnectionStrings:ContactCenter</c>, not from the
    /// <c>Node</c> section). Default none: in-memory providers, a single node. A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The site (data centre) this node runs in (<c>--site</c>). Default <c>dc1</c>.</summary>
    public string Site { get; set; } = "dc1";

    /// <summary>The HTTP port: the web role and <c>/health/*</c>, served whatever the roles (<c>--http-port</c>).
    /// Default 5080.</summary>
    public int HttpPort { get; set; } = 5080;

    /// <summary>The SIP port, UDP and TCP, of the sip role (<c>--sip-port</c>). Default 5060.</summary>
    public int SipPort { get; set; } = 5060;

    /// <summary>The UDP port range for RTP media of the sip role, <c>first-last</c> (<c>--rtp-ports</c>). Default
    /// <c>20000-29999</c>.</summary>
    public string RtpPorts { get; set; } = "20000-29999";

    /// <summary>The silo-to-silo TCP port of the silo role (<c>--silo-port</c>). Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The IP address every listener binds and the silo advertises (<c>--bind</c>). Default
    /// <c>127.0.0.1</c>; production binds are configuration.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The IP address the sip role advertises to peers: the connection address of its SDP and the host of its
    /// Contact and Via headers (<c>--advertise</c>). Must be a concrete address, never a wildcard. Default none: the
    /// <see cref="Bind"/> address, or — when that is a wildcard (<c>0.0.0.0</c>, <c>::</c>) — the first up,
    /// non-loopback IPv4 address of the machine's interfaces (start-up fails when there is none).</summary>
    public string? Advertise { get; set; }

    /// <summary>The parsed <see cref="Roles"/> (valid once the options passed validation).</summary>
    public NodeRoles GetRoles() => ParseRoles(Roles, out _);

    /// <summary>Parses a comma-separated role list, case-insensitively; names it does not know go to
    /// <paramref name="unknown"/>.</summary>
    public static NodeRoles ParseRoles(string? text, out IReadOnlyList<string> unknown)
    {
        var roles = NodeRoles.None;
        var notRoles = new List<string>();
        foreach (var name in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            NodeRoles? role = name.ToUpperInvariant() switch
            {
                "SILO" => NodeRoles.Silo,
                "WEB" => NodeRoles.Web,
                "SIP" => NodeRoles.Sip,
                _ => null,
            };
            if (role is { } known)
            {
                roles |= known;
            }
            else
            {
                notRoles.Add(name);
            }
        }
        unknown = notRoles;
        return roles;
    }
}
