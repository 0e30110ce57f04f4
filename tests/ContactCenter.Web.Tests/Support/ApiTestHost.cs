using ContactCenter.Storage.Audit;
using ContactCenter.Web.Apis;
using Microsoft.AspNetCore.Builder;

namespace ContactCenter.Web.Tests.Support;

/// <summary>The web role with the configuration, contacts and audit APIs under <c>/api/v1</c>, test authentication
/// and the in-memory audit log.</summary>
internal static class ApiTestHost
{
    public static Task<WebTestHost> StartAsync() => WebTestHost.StartAsync(
        configure: services => services.AddTestAuthentication().AddInMemoryAuditLog(),
        map: app =>
        {
            var api = app.MapGroup(WebApplicationExtensions.ApiPrefix);
            api.MapConfigurationApi();
            api.MapContactsApi();
            api.MapAuditApi();
        });

    /// <summary>A client signed in as <paramref name="user"/> holding <paramref name="roles"/>.</summary>
    public static HttpClient CreateClient(this WebTestHost host, string user, params string[] roles)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, user);
        client.DefaultRequestHeaders.Add(TestAuthentication.RolesHeader, string.Join(',', roles));
        return client;
    }
}
