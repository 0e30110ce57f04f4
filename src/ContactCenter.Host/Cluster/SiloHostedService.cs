using System.Net.Sockets;
using ContactCenter.Actors;
using Microsoft.Extensions.Options;

namespace ContactCenter.Host.Cluster;

/// <summary>Runs this process's <see cref="Silo"/> with the host: starts it with the host and stops it gracefully
/// (every activation runs its last turn, then the silo leaves the cluster) when the host stops, on SIGTERM or Ctrl+C.</summary>
internal sealed partial class SiloHostedService : IHostedService, IClusterNode
{
    private readonly Silo _silo;
    private readonly ActorRuntimeOptions _runtime;
    private readonly ILogger<SiloHostedService> _logger;
    private volatile bool _started;

    public SiloHostedService(Silo silo, IOptions<ActorRuntimeOptions> runtime, ILogger<SiloHostedService> logger)
    {
        _silo = silo;
        _runtime = runtime.Value;
        _logger = logger;
    }

    // Silo.IsRunning turns true as StartAsync begins, before the silo has joined; _started marks the end of the join.
    public bool IsReady => _started && _silo.IsRunning && !_silo.IsFenced;

    public string Status =>
        !_started ? "silo is not started"
        : !_silo.IsRunning ? $"silo {_silo.Address} has stopped"
        : _silo.IsFenced ? $"silo {_silo.Address} is fenced: its membership lease expired"
        : $"silo {_silo.Address} ({_silo.Site}) is up";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _silo.StartAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            // The runtime counts itself running once StartAsync begins: end it, so that disposal does not try a graceful
            // leave of a cluster it never joined.
            _silo.Kill();
            if (exception is SocketException)
            {
                throw new InvalidOperationException(
                    $"the silo cannot listen on {_runtime.Host}:{_runtime.Port} (--bind, --silo-port): {exception.Message}", exception);
            }
            throw;
        }
        LogSiloUp(_silo.Address, _silo.Site);
        // Also on stdout, without the log prefix, so that the README's run command shows it.
        await Console.Out.WriteLineAsync($"Silo {_silo.Address} ({_silo.Site}) is up");
        _started = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _silo.StopAsync(cancellationToken);

    [LoggerMessage(110, LogLevel.Information, "Silo {Address} ({Site}) is up")]
    private partial void LogSiloUp(SiloAddress address, string site);
}
