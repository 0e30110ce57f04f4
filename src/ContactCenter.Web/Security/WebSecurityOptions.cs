namespace ContactCenter.Web.Security;

/// <summary>Options of the web role's sign-in (section <c>WebSecurity</c>); validated at start-up.</summary>
public sealed class WebSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebSecurity";

    /// <summary>Create the demo users of <see cref="DemoUsers"/> when the document store has no user account at all.
    /// Default: false.</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>Name of the session cookie. Default: <c>cc.session</c>.</summary>
    public string CookieName { get; set; } = "cc.session";

    /// <summary>How long a browser session lasts without a request (sliding: each request past half of it renews the
    /// cookie). Default: 8 hours.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a bearer access token is valid. Default: 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the refresh token handed out with an access token is valid. Default: 7 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
