using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ContactCenter.Host.Health;

/// <summary><c>/health/live</c> and <c>/health/ready</c>, served by every process whatever its roles, anonymous: load
/// balancers and systemd call them.</summary>
internal static class HealthApi
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddNodeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process is up and serving HTTP; no check runs, so a slow dependency never gets a process restarted.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return endpoints;
    }
}
