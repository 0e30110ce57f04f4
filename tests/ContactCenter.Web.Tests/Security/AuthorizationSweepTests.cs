using System.Net;
using System.Reflection;
using System.Text;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Security;

/// <summary>Every endpoint of the application <see cref="SecuredWebApp"/> builds names a policy of
/// <see cref="Policies"/> or is anonymous by the allow-list below, and is closed to callers without credentials (401)
/// and to users of a role its policy does not admit (403). New APIs are covered as soon as they are mapped in
/// <see cref="SecuredWebApp"/>.</summary>
public sealed class AuthorizationSweepTests
{
    private const string Password = "sweep-password";

    /// <summary>The only endpoints anyone may call without signing in.</summary>
    private static readonly HashSet<string> AnonymousAllowList = new(StringComparer.Ordinal)
    {
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/token",
        "GET /openapi/{documentName}.json",
        "GET /health",
        "GET /alive",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_is_anonymous_by_the_allow_list_or_names_a_known_policy()
    {
        await using var host = await SecuredWebApp.StartAsync();

        var problems = DeclarationProblems(host);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_authorized_endpoint_answers_401_without_credentials_and_403_to_a_role_its_policy_does_not_admit()
    {
        await using var host = await SecuredWebApp.StartAsync();

        var (problems, checkedEndpoints) = await AccessProblemsAsync(host);

        Assert.True(checkedEndpoints.Count > 0, "no authorized endpoint found: is the application mapped?");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // The sweep itself, on probe endpoints: one per policy (with a route constraint and a body, so binding would fail
    // if authorization did not come first), one that declares nothing and one anonymous one off the allow-list.
    [Fact]
    public async Task The_sweep_finds_undeclared_and_stray_anonymous_endpoints_and_checks_every_policy()
    {
        await using var host = await SecuredWebApp.StartAsync(map: api =>
        {
            foreach (var policy in Policies.All)
            {
                api.MapPost($"/sweep-probe/{policy}/{{id:int}}", (int id, ProbeBody body) => TypedResults.Ok(id))
                    .RequireAuthorization(policy);
            }
            api.MapGet("/sweep-probe/undeclared", () => TypedResults.Ok());
            api.MapGet("/sweep-probe/anonymous", () => TypedResults.Ok()).AllowAnonymous();
        });

        var declarations = DeclarationProblems(host);
        var (access, checkedEndpoints) = await AccessProblemsAsync(host);

        Assert.Equal(
        [
            "GET /api/v1/sweep-probe/anonymous allows anonymous access but is not on the allow-list",
            "GET /api/v1/sweep-probe/undeclared names no policy (RequireAuthorization(Policies.…))",
        ], declarations.Order(StringComparer.Ordinal));
        Assert.True(access.Count == 0, string.Join(Environment.NewLine, access));
        Assert.Equal(Policies.All.Select(policy => $"POST /api/v1/sweep-probe/{policy}/{{id:int}}"),
            checkedEndpoints.Where(name => name.Contains("/sweep-probe/", StringComparison.Ordinal)));
    }

    private static List<string> DeclarationProblems(WebTestHost host)
    {
        var problems = new List<string>();

        foreach (var (name, endpoint) in Endpoints(host))
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (anonymous)
            {
                if (!AnonymousAllowList.Contains(name))
                {
                    problems.Add($"{name} allows anonymous access but is not on the allow-list");
                }
            }
            else if (authorize.Count == 0)
            {
                problems.Add($"{name} names no policy (RequireAuthorization(Policies.…))");
            }
            else
            {
                problems.AddRange(authorize
                    .Where(data => data.Policy is null || !Policies.All.Contains(data.Policy, StringComparer.Ordinal)
                                   || data.Roles is not null)
                    .Select(data => $"{name} must name one of {nameof(Policies)} (and no roles): policy '{data.Policy}', roles '{data.Roles}'"));
            }
            if (endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null)
            {
                problems.Add($"{name} carries an ad-hoc AuthorizationPolicy: name one of {nameof(Policies)} instead");
            }
        }
        return problems;
    }

    private static async Task<(List<string> Problems, List<string> CheckedEndpoints)> AccessProblemsAsync(WebTestHost host)
    {
        var bearer = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var cookie = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var role in UserRoles.All)
        {
            await host.AddUserAsync($"sweep-{role}", Password, [role]);
            bearer[role] = await host.CreateBearerClientAsync($"sweep-{role}", Password);
            var (client, _) = host.CreateBrowserClient();
            using var login = await client.LoginAsync($"sweep-{role}", Password);
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
            cookie[role] = client;
        }
        using var anonymous = host.CreateClient();
        var problems = new List<string>();
        var checkedEndpoints = new List<string>();

        foreach (var (name, endpoint) in Endpoints(host))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).OfType<string>().ToList();
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || policies.Count == 0)
            {
                continue; // the other test judges these
            }
            checkedEndpoints.Add(name);
            var (method, path) = Request(endpoint, name);

            var status = await SendAsync(anonymous, method, path);
            if (status != HttpStatusCode.Unauthorized)
            {
                problems.Add($"{name} without credentials: {(int)status}, expected 401");
            }
            // A role refused by any one of the endpoint's policies (they must all admit a caller).
            var refused = UserRoles.All.FirstOrDefault(role => policies.Any(p => !Policies.RolesAdmittedBy(p).Contains(role)));
            if (refused is null)
            {
                continue; // every role is admitted (signed-in)
            }
            foreach (var (scheme, client) in new[] { ("bearer", bearer[refused]), ("cookie", cookie[refused]) })
            {
                status = await SendAsync(client, method, path);
                if (status != HttpStatusCode.Forbidden)
                {
                    problems.Add($"{name} as role {refused} ({scheme}): {(int)status}, expected 403");
                }
            }
        }

        foreach (var client in bearer.Values.Concat(cookie.Values))
        {
            client.Dispose();
        }
        return (problems, checkedEndpoints);
    }

    // Hub methods are not endpoints (a hub is one endpoint; its methods are invoked over the connection), so they are
    // checked here by their attributes; entering each hub with each role is Hubs/HubAccessTests.
    [Fact]
    public void Every_hub_and_hub_method_names_a_known_policy()
    {
        var problems = new List<string>();
        foreach (var hub in typeof(Policies).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Hub).IsAssignableFrom(t)))
        {
            if (hub.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any())
            {
                problems.Add($"hub {hub.Name} allows anonymous access");
            }
            var hubPolicies = hub.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
            if (hubPolicies.Count == 0)
            {
                problems.Add($"hub {hub.Name} names no policy ([Authorize(Policy = Policies.…)])");
            }
            problems.AddRange(hubPolicies.Where(a => !IsKnownPolicy(a)).Select(a => $"hub {hub.Name}: unknown policy '{a.Policy}'"));
            var methods = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub);
            foreach (var method in methods)
            {
                if (method.GetCustomAttributes<AllowAnonymousAttribute>().Any())
                {
                    problems.Add($"{hub.Name}.{method.Name} allows anonymous access");
                }
                problems.AddRange(method.GetCustomAttributes<AuthorizeAttribute>().Where(a => !IsKnownPolicy(a))
                    .Select(a => $"{hub.Name}.{method.Name}: unknown policy '{a.Policy}'"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool IsKnownPolicy(AuthorizeAttribute attribute) =>
        attribute.Policy is not null && Policies.All.Contains(attribute.Policy, StringComparer.Ordinal) && attribute.Roles is null;

    /// <summary>Every route endpoint once per HTTP method, named "METHOD /pattern".</summary>
    private static List<(string Name, RouteEndpoint Endpoint)> Endpoints(WebTestHost host)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        return [.. endpoints.SelectMany(endpoint =>
            (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(method => ($"{method} {Pattern(endpoint.RoutePattern)}", endpoint)))];
    }

    private static string Pattern(RoutePattern pattern) => "/" + (pattern.RawText ?? "").TrimStart('/');

    private static (HttpMethod Method, string Path) Request(RouteEndpoint endpoint, string name)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => DummyValue(parameter),
                    _ => throw new InvalidOperationException($"{name}: unexpected route part {part.GetType().Name}"),
                });
            }
        }
        return (new HttpMethod(name[..name.IndexOf(' ', StringComparison.Ordinal)]), path.ToString());
    }

    // A value the parameter's constraint accepts, so the request reaches the endpoint (and its authorization).
    private static string DummyValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints switch
        {
            _ when constraints.Contains("guid") => Guid.Empty.ToString(),
            _ when constraints.Any(c => c is "int" or "long" or "decimal" or "double" or "float" || c.StartsWith("min(", StringComparison.Ordinal)
                                        || c.StartsWith("range(", StringComparison.Ordinal)) => "1",
            _ when constraints.Contains("bool") => "true",
            _ when constraints.Contains("datetime") => "2026-01-01",
            _ => "sweep",
        };
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
