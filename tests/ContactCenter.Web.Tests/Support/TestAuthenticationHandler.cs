using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Tests.Support;

/// <summary>Test-only authentication: the user name comes from <see cref="TestAuthentication.UserHeader"/> and the roles
/// (comma-separated) from <see cref="TestAuthentication.RolesHeader"/>; without the user header the request is
/// anonymous, so a protected endpoint challenges with 401.</summary>
internal sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(TestAuthentication.UserHeader, out var user) || string.IsNullOrEmpty(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var roles = Request.Headers[TestAuthentication.RolesHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.ToString()), .. roles.Select(role => new Claim(ClaimTypes.Role, role))],
            TestAuthentication.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), TestAuthentication.Scheme)));
    }
}
