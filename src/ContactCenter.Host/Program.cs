using ContactCenter.Host.Cluster;
using ContactCenter.Host.Configuration;
using ContactCenter.Host.Diagnostics;
using ContactCenter.Host.Health;
using ContactCenter.Web;
using ContactCenter.Web.Hubs;

if (NodeCommandLine.IsHelpRequested(args))
{
    await Console.Out.WriteAsync(NodeCommandLine.Usage);
    return 0;
}

try
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
        // The single-node demo (in-memory stores) starts with the demo users of DemoUsers; a PostgreSQL site starts with
        // none and its first admin account is created by the operator.
        builder.Services.AddContactCenterWeb(security => security.SeedDemoUsers |= node.ConnectionString is null);
        builder.Services.AddLiveHubs();
    }

    await using var app = builder.Build();
    app.LogNodeConfiguration(node);
    app.MapHealthApi();
    if (web)
    {
        app.MapContactCenterWeb();
        app.MapLiveHubs();
    }
    await app.RunAsync();
    return 0;
}
catch (NodeConfigurationException exception)
{
    // Configuration errors are the operator's to fix: say what is wrong, without a stack trace.
    await Console.Error.WriteLineAsync($"ContactCenter.Host: {exception.Message}");
    return 2;
}
catch (Exception exception)
{
    // Start-up failures (a port in use, ...): the host has logged the details; exit non-zero for systemd and scripts.
    await Console.Error.WriteLineAsync($"ContactCenter.Host: failed: {exception.Message}");
    return 1;
}
