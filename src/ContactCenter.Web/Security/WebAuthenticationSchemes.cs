using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContactCenter.Web.Security;

/// <summary>The authentication schemes of the web role.</summary>
public static class WebAuthenticationSchemes
{
    /// <summary>The default scheme: a policy scheme that forwards to <see cref="Bearer"/> when the request carries an
    /// <c>Authorization: Bearer</c> header and to <see cref="Cookie"/> otherwise.</summary>
    public const string Default = "cookie-or-bearer";

    /// <summary>The browser's session cookie.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>ASP.NET Core's opaque bearer tokens (data-protected), for API clients.</summary>
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;
}
