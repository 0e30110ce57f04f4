namespace ContactCenter.Sip.Authentication;

/// <summary>Behaviour of <see cref="SipDigestAuthenticator"/>.</summary>
public sealed class SipAuthenticationOptions
{
    /// <summary>The realm of our challenges (RFC 3261 §22.1: usually the domain). Default <c>contactcenter</c>.</summary>
    public string Realm { get; init; } = "contactcenter";

    /// <summary>How long a nonce is accepted before a right answer gets <c>stale=true</c>. Default 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Fails fast on values that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm) || Realm.AsSpan().IndexOfAny("\"\\\r\n") >= 0 || NonceLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP authentication options need a realm without quotes, backslashes or line breaks and NonceLifetime > 0");
        }
    }
}
