using ContactCenter.Host.Cluster;
using ContactCenter.Host.Configuration;
using ContactCenter.Host.Diagnostics;
using ContactCenter.Host.Health;
using ContactCenter.Host.Telephony;
using ContactCenter.Web;
using ContactCenter.Web.Hubs;

namespace ContactCenter.Host;

/// <summary>One node of the contact center, composed from its command line and configuration: the roles it runs, the
/// cluster membership and providers, health endpoints, and for the web role the API, the hubs and the browser app.
/// <c>Program</c> runs it; browser tests start the same composition on a free port.</summary>
internal static class NodeApplication
{
    /// <summary>Builds the node; throws <see cref="NodeConfigurationException"/> when the configuration is wrong.
    /// <paramref name="overrideServices"/> runs after every registration, so a test can replace a service (a document
    /// store that holds a read until the test has done what it races with).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var node = builder.AddNodeConfiguration(args);
        builder.AddNodeLogging();
        builder.ListenOnNodeHttpPort(node);
        builder.Services.AddNodeCluster(node, builder.Configuration);
        builder.Services.AddNodeHealthChecks();
        var web = node.GetRoles().HasFlag(NodeRoles.Web);
        if (web)
        {
            // The single-node demo (in-memory stores) starts with the demo users of DemoUsers; a PostgreSQL site starts
            // with none and its first admin account is created by the operator.
            builder.Services.AddContactCenterWeb(security => security.SeedDemoUsers |= node.ConnectionString is null);
            builder.Services.AddLiveHubs();
        }
        if (node.GetRoles().HasFlag(NodeRoles.Sip))
        {
            builder.Services.AddSipFrontEnd(node, builder.Configuration);
        }
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.LogNodeConfiguration(node);
        app.MapHealthApi();
        if (web)
        {
            app.MapContactCenterWeb();
            app.MapLiveHubs();
        }
        return app;
    }
}
