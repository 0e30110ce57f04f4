using System.Text.Json.Serialization;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Hubs;

/// <summary>Registration and mapping of the live hubs. The host provides the cluster's <c>IGrainFactory</c> and
/// <c>IStreamProvider</c>.</summary>
public static class LiveHubsExtensions
{
    /// <summary>SignalR (JSON as the REST API writes it: camelCase, enums as strings), the node's
    /// <see cref="LiveAudience"/> and its <see cref="LiveFeed"/>.</summary>
    public static IServiceCollection AddLiveHubs(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<LiveAudience>();
        services.AddHostedService<LiveFeed>();
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
