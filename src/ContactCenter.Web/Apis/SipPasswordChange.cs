namespace ContactCenter.Web.Apis;

/// <summary>The body of <c>PUT /trunks/{id}/password</c> and <c>PUT /agent-profiles/{id}/sip-password</c>.</summary>
/// <param name="Password">The new secret, in clear over TLS; never returned, audited or logged.</param>
public sealed record SipPasswordChange(string? Password);
