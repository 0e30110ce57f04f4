using ContactCenter.Host.Configuration;

namespace ContactCenter.Host.Diagnostics;

/// <summary>The node's logging: the built-in console provider, one line per event, UTC timestamps.</summary>
internal static partial class NodeLoggingExtensions
{
    public static WebApplicationBuilder AddNodeLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        return builder;
    }

    /// <summary>Logs what this node runs and where. The connection string is a secret: only the kind of storage is
    /// logged, never the string.</summary>
    public static WebApplication LogNodeConfiguration(this WebApplication app, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(node);
        LogNodeStarting(
            app.Logger, node.GetRoles(), node.Site, node.Bind, node.HttpPort, node.SiloPort, node.SipPort, node.RtpPorts,
            node.ConnectionString is null ? "in-memory" : "PostgreSQL");
        return app;
    }

    [LoggerMessage(100, LogLevel.Information,
        "Node starting: roles {Roles}, site {Site}, bind {Bind}, HTTP port {HttpPort}, silo port {SiloPort}, SIP port {SipPort}, RTP ports {RtpPorts}, storage {Storage}")]
    private static partial void LogNodeStarting(
        ILogger logger, NodeRoles roles, string site, string bind, int httpPort, int siloPort, int sipPort, string rtpPorts, string storage);
}
