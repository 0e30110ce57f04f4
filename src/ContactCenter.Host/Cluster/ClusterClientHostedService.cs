using ContactCenter.Actors;

namespace ContactCenter.Host.Cluster;

/// <summary>Runs this process's <see cref="ClusterClient"/> with the host, for nodes without the silo role: they call
/// grains and host observers but no activations.</summary>
internal sealed partial class ClusterClientHostedService : IHostedService, IClusterNode
{
    private readonly ClusterClient _client;
    private readonly ILogger<ClusterClientHostedService> _logger;
    private volatile bool _started;

    public ClusterClientHostedService(ClusterClient client, ILogger<ClusterClientHostedService> logger)
    {
        _client = client;
        _logger = logger;
    }

    // ClusterClient.IsRunning turns true as StartAsync begins, before the client has joined; _started marks the end.
    public bool IsReady => _started && _client.IsRunning;

    public string Status =>
        !_started ? "cluster client is not started"
        : !_client.IsRunning ? $"cluster client {_client.Address} has stopped"
        : $"cluster client {_client.Address} is up";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.StartAsync(cancellationToken);
        }
        catch
        {
            // As for a silo: the runtime counts itself running once StartAsync begins; end it before disposal.
            _client.Kill();
            throw;
        }
        LogClientUp(_client.Address);
        _started = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _client.StopAsync(cancellationToken);

    [LoggerMessage(111, LogLevel.Information, "Cluster client {Address} is up")]
    private partial void LogClientUp(SiloAddress address);
}
