using System.Net;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>The authorization sweep of the hubs (the endpoints' is <c>AuthorizationSweepTests</c>): every mapped hub,
/// found from the application's endpoints, is entered (its negotiate request, which every client — browser or .NET —
/// makes first) without credentials (401), with each role its policy refuses (403) and with each it admits (200).
/// Hub methods inherit the hub's policy; that none of them opens a door is checked by their attributes there.</summary>
public sealed class HubAccessTests
{
    [Fact]
    public async Task Every_hub_answers_401_without_credentials_403_to_a_refused_role_and_admits_the_roles_of_its_policy()
    {
        await using var host = await LiveHubHost.StartAsync(documents => LiveHubHost.SeedAgentAndQueueAsync(documents, "anna", "sales"));
        var credentials = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var role in UserRoles.All)
        {
            credentials[role] = await host.CredentialsAsync($"hub-{role}", role, agentProfileId: "anna");
        }
        var hubs = host.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is not null && e.RoutePattern.RawText!.EndsWith("/negotiate", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, hubs.Count);
        var problems = new List<string>();

        foreach (var hub in hubs)
        {
            var path = "/" + hub.RoutePattern.RawText!.TrimStart('/') + "?negotiateVersion=1";
            var policy = Assert.Single(hub.Metadata.GetOrderedMetadata<IAuthorizeData>()).Policy!;
            var anonymous = await NegotiateAsync(host, path, headers: null);
            if (anonymous != HttpStatusCode.Unauthorized)
            {
                problems.Add($"{path} without credentials: {(int)anonymous}, expected 401");
            }
            foreach (var role in UserRoles.All)
            {
                var expected = Policies.RolesAdmittedBy(policy).Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                var status = await NegotiateAsync(host, path, credentials[role]);
                if (status != expected)
                {
                    problems.Add($"{path} ({policy}) as role {role}: {(int)status}, expected {(int)expected}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<HttpStatusCode> NegotiateAsync(LiveHubHost host, string path, Dictionary<string, string>? headers)
    {
        using var client = host.Web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
