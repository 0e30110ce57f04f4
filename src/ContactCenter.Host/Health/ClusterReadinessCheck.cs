using ContactCenter.Host.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Host.Health;

/// <summary>Ready when this process's silo or cluster client has started and, for a silo, is not fenced (a fenced
/// silo has paused its activations until it renews its lease).</summary>
internal sealed class ClusterReadinessCheck : IHealthCheck
{
    private readonly IClusterNode _node;

    public ClusterReadinessCheck(IClusterNode node)
    {
        _node = node;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _node.Status;
        return Task.FromResult(_node.IsReady ? HealthCheckResult.Healthy(status) : HealthCheckResult.Unhealthy(status));
    }
}
