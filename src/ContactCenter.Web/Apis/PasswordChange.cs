namespace ContactCenter.Web.Apis;

/// <summary>The body of <c>PUT /users/{id}/password</c>.</summary>
/// <param name="Password">The new password, in clear over TLS; only its hash is stored.</param>
public sealed record PasswordChange(string? Password);
