using ContactCenter.Contracts.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Security;

/// <summary>Registration of the web role's authentication and authorization.</summary>
public static class WebSecurityServiceCollectionExtensions
{
    /// <summary>Registers sign-in and access control: the <see cref="WebAuthenticationSchemes.Default"/> policy scheme
    /// over the session cookie (HttpOnly, SameSite=Strict, secure over HTTPS, sliding expiry, 401/403 instead of
    /// redirects, the account re-read on every request so disabling it ends the session) and bearer tokens; every
    /// policy of <see cref="Policies"/> with its roles and a fallback policy requiring a signed-in user (an endpoint that
    /// declares nothing stays closed); <see cref="IUserAuthenticator"/> (unless another is registered, the local
    /// accounts' <see cref="UserAuthenticator"/> with ASP.NET Core Identity's password hasher); and the <see cref="DemoUsers"/> seeder (which does nothing unless
    /// <see cref="WebSecurityOptions.SeedDemoUsers"/>). Needs an <c>IDocumentStore</c>.</summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, Action<WebSecurityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WebSecurityOptions>().BindConfiguration(WebSecurityOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.CookieName), "WebSecurity:CookieName is required")
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero, "WebSecurity:SessionIdleTimeout must be positive")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero, "WebSecurity:AccessTokenLifetime must be positive")
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero, "WebSecurity:RefreshTokenLifetime must be positive")
            .ValidateOnStart();

        services.AddAuthentication(WebAuthenticationSchemes.Default)
            .AddPolicyScheme(WebAuthenticationSchemes.Default, "Cookie or bearer token",
                scheme => scheme.ForwardDefaultSelector = SelectScheme)
            .AddCookie(WebAuthenticationSchemes.Cookie)
            .AddBearerToken(WebAuthenticationSchemes.Bearer);
        services.AddOptions<CookieAuthenticationOptions>(WebAuthenticationSchemes.Cookie)
            .Configure<IOptions<WebSecurityOptions>>((cookie, security) => ConfigureCookie(cookie, security.Value));
        services.AddOptions<BearerTokenOptions>(WebAuthenticationSchemes.Bearer)
            .Configure<IOptions<WebSecurityOptions>>((bearer, security) =>
            {
                bearer.BearerTokenExpiration = security.Value.AccessTokenLifetime;
                bearer.RefreshTokenExpiration = security.Value.RefreshTokenLifetime;
                // SignalR seam: browsers cannot set headers on WebSockets, so the hub connection will pass the token in
                // the access_token query parameter; read it here (Events.OnMessageReceived) for hub paths only.
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var policy in Policies.All)
        {
            var roles = Policies.RolesAdmittedBy(policy);
            authorization.AddPolicy(policy, builder => builder.RequireAuthenticatedUser().RequireRole(roles));
        }
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.TryAddSingleton<IUserAuthenticator, UserAuthenticator>();
        services.AddHostedService<DemoUsers>();
        return services;
    }

    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? WebAuthenticationSchemes.Bearer
            : WebAuthenticationSchemes.Cookie;

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, WebSecurityOptions security)
    {
        cookie.Cookie.Name = security.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = security.SessionIdleTimeout;
        cookie.SlidingExpiration = true;
        // An API answers with status codes; the browser app shows its own sign-in page on 401.
        cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        cookie.Events.OnValidatePrincipal = RevalidateAsync;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    // Roles, permissions and the disabled flag are read from the account on every request, so an admin's change
    // applies at once and disabling an account ends its sessions.
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }
        var authenticator = context.HttpContext.RequestServices.GetRequiredService<IUserAuthenticator>();
        var current = await authenticator.RefreshAsync(context.Principal, context.Scheme.Name, context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
        }
        else
        {
            context.ReplacePrincipal(current);
        }
    }
}
