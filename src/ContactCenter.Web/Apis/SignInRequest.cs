namespace ContactCenter.Web.Apis;

/// <summary>The body of <c>POST /auth/login</c> and <c>POST /auth/token</c>.</summary>
/// <param name="UserName">The login name.</param>
/// <param name="Password">The password, in clear over the (HTTPS) connection; never stored or logged.</param>
public sealed record SignInRequest(string? UserName, string? Password);
