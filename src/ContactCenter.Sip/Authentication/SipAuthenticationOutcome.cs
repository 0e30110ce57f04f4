namespace ContactCenter.Sip.Authentication;

/// <summary>The verdict of <see cref="SipDigestAuthenticator.AuthenticateAsync"/> and the response it calls for.</summary>
public enum SipAuthenticationOutcome
{
    /// <summary>The credentials are right, fresh and not replayed.</summary>
    Authenticated,

    /// <summary>No usable credentials for our realm, an unknown or stale nonce, or a replayed nonce count: answer
    /// 401 with a new challenge (<see cref="SipAuthenticationResult.Stale"/> says whether to mark it stale).</summary>
    Challenge,

    /// <summary>Wrong password or unknown user: answer 403 (RFC 3261 §21.4.4; asking again would not help).</summary>
    Forbidden,

    /// <summary>Malformed credentials, or a digest-uri that is not the Request-URI: answer 400 (RFC 2617 §3.2.2.5).</summary>
    BadRequest,
}
