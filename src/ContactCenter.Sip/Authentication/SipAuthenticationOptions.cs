namespace ContactCenter.Sip.Authentication;

/// <summary>Behaviour of <see cref="SipDigestAuthenticator"/>.</summary>
public sealed class SipAuthenticationOptions
{
    /// <summary>The realm of our challenges (RFC 3261 §22.1: usually the domain). Default <c>contactcenter</c>.</summary>
    public string Realm { get; init; } = "contactcenter";

    /// <summary>How long a nonce is accepted before a right answer gets <c>stale=true</c>. Default 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The digest algorithms challenged with (one WWW-Authenticate each, in this order of preference, RFC 8760
    /// §2.4) and the only ones accepted in answers. Default SHA-256 then MD5. Use MD5 alone where phones built on libre
    /// 1.x (baresip up to 1.x, as shipped by Debian 12) must register: they fail a 401 that carries any challenge other
    /// than MD5 (ENOSYS) instead of skipping it.</summary>
    public IReadOnlyList<SipDigestAlgorithm> Algorithms { get; init; } = [SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5];

    /// <summary>Fails fast on values that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm) || Realm.AsSpan().IndexOfAny("\"\\\r\n") >= 0 || NonceLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP authentication options need a realm without quotes, backslashes or line breaks and NonceLifetime > 0");
        }
        if (Algorithms is null || Algorithms.Count == 0 || Algorithms.Distinct().Count() != Algorithms.Count || !Algorithms.All(Enum.IsDefined))
        {
            throw new ArgumentException("SIP authentication options need at least one digest algorithm, each named once");
        }
    }
}
