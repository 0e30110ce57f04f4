using System.Text.Json.Serialization;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Web.Hubs;

/// <summary>Registration and mapping of the live hubs. The host provides the cluster's <c>IGrainFactory</c> and
/// <c>IStreamProvider</c>.</summary>
public static class LiveHubsExtensions
{
    /// <summary>SignalR (JSON as the REST API writes it: camelCase, enums as strings), the node's
    /// <see cref="LiveAudience"/>, its <see cref="LiveFeed"/> and the supervisors' <see cref="AlertBoard"/> with the
    /// <see cref="LongInteractionMonitor"/>.</summary>
    public static IServiceCollection AddLiveHubs(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<LiveAudience>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertBoard>();
        services.AddSingleton<LongInteractionWatch>();
        services.AddHostedService<LiveFeed>();
        services.AddHostedService<LongInteractionMonitor>();
        return services;
    }

    /// <summary>Maps <see cref="AgentHub"/>, <see cref="SupervisorHub"/> and <see cref="WallboardHub"/>.</summary>
    public static IEndpointRouteBuilder MapLiveHubs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<AgentHub>(AgentHub.Path);
        endpoints.MapHub<WallboardHub>(WallboardHub.Path);
        endpoints.MapHub<SupervisorHub>(SupervisorHub.Path);
        return endpoints;
    }
}
