using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Security;

/// <summary>The web role with security and every API, as the host wires it (<see cref="WebTestHost"/> maps
/// everything <c>MapContactCenterWeb</c> maps): the one place the authorization sweep and the security tests take the
/// application from.</summary>
internal static class SecuredWebApp
{
    /// <summary>Starts the application; <paramref name="map"/> adds endpoints to the <c>/api/v1</c> group (for tests of
    /// the tests).</summary>
    public static Task<WebTestHost> StartAsync(Action<WebSecurityOptions>? security = null,
        Action<IServiceCollection>? configure = null, Action<IEndpointRouteBuilder>? map = null) =>
        WebTestHost.StartAsync(
            configure: services =>
            {
                if (security is not null)
                {
                    services.Configure(security);
                }
                configure?.Invoke(services);
            },
            map: app => map?.Invoke(app.MapGroup(WebApplicationExtensions.ApiPrefix)));
}
