namespace ContactCenter.Web.Apis;

/// <summary>The body of <c>PUT /auth/password</c>: the signed-in user changes their own password.</summary>
/// <param name="CurrentPassword">The password now, to prove it is the account's owner at the keyboard.</param>
/// <param name="NewPassword">The new password; only its hash is stored.</param>
public sealed record OwnPasswordChange(string? CurrentPassword, string? NewPassword);
