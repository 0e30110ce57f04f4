namespace ContactCenter.Sip.Authentication;

/// <summary>The result of authenticating a request.</summary>
/// <param name="Outcome">The verdict.</param>
/// <param name="Username">The authenticated user; null unless <see cref="SipAuthenticationOutcome.Authenticated"/>.</param>
/// <param name="Stale">For a challenge: whether the credentials were right and only the nonce was stale.</param>
/// <param name="Reason">Why the request failed, for logs and reason phrases; never contains secrets.</param>
public sealed record SipAuthenticationResult(SipAuthenticationOutcome Outcome, string? Username = null, bool Stale = false, string? Reason = null)
{
    internal static SipAuthenticationResult Challenge(string reason, bool stale = false) => new(SipAuthenticationOutcome.Challenge, Stale: stale, Reason: reason);

    internal static SipAuthenticationResult Bad(string reason) => new(SipAuthenticationOutcome.BadRequest, Reason: reason);
}
