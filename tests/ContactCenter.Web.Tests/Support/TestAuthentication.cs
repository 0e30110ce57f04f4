using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Support;

/// <summary>Registration of <see cref="TestAuthenticationHandler"/> as the default scheme and of the authorization
/// policies the API names, admitting the roles their docs in <see cref="Policies"/> say. Stands in for the real
/// security registration until the tests switch to it.</summary>
internal static class TestAuthentication
{
    public const string Scheme = "Test";

    public const string UserHeader = "X-Test-User";

    public const string RolesHeader = "X-Test-Roles";

    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Supervisor, policy => policy.RequireRole(Roles.Admin, Roles.Supervisor))
            .AddPolicy(Policies.Agent, policy => policy.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Agent))
            .AddPolicy(Policies.Wallboard, policy => policy.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Wallboard))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser());
        return services;
    }
}
