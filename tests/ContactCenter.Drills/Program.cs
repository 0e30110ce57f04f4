using ContactCenter.Drills;

// ContactCenter.Drills kill-silo [flags]     the failover drill (ops/drill/kill-silo.sh; see ops/RUNBOOK.md)
// ContactCenter.Drills observer-client KEY   attach an observer to drill grain KEY, print "attached", wait to be killed
const string Usage = """
    Usage: ContactCenter.Drills kill-silo [--short] [--kills N] [--graceful] [--grains N] [--rate N]
                                          [--heartbeat S] [--lease S] [--suspect S] [--work-dir DIR]
           ContactCenter.Drills observer-client <grain-key>
    The database is ConnectionStrings__ContactCenter. Exit 0 when nothing was lost or doubled and nobody but the
    victim was declared dead; 1 otherwise; 2 on a usage error.
    """;

var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__ContactCenter");
if (args.Length == 0 || string.IsNullOrEmpty(connectionString))
{
    await Console.Error.WriteLineAsync(string.IsNullOrEmpty(connectionString) ? "ConnectionStrings__ContactCenter is not set" : Usage);
    return 2;
}
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
try
{
    return args[0] switch
    {
        "kill-silo" => await KillSiloCommand.RunAsync(connectionString, args[1..], interrupted.Token),
        "observer-client" when args.Length == 2 => await ObserverClient.RunAsync(connectionString, args[1], interrupted.Token),
        _ => throw new FormatException($"unknown command '{string.Join(' ', args)}'"),
    };
}
catch (FormatException exception)
{
    await Console.Error.WriteLineAsync($"{exception.Message}{Environment.NewLine}{Usage}");
    return 2;
}
catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
{
    // The drill could not finish (a silo did not start, a grain never answered again): that is a failed drill.
    await Console.Error.WriteLineAsync($"drill failed: {exception.Message}");
    return 1;
}
