using ContactCenter.Host;
using ContactCenter.Host.Configuration;

if (NodeCommandLine.IsHelpRequested(args))
{
    await Console.Out.WriteAsync(NodeCommandLine.Usage);
    return 0;
}

try
{
    await using var app = NodeApplication.Build(args);
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
